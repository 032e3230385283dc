package org.quartermaster.app.munitions;

/**
 * A stored contract row of one munition.
 *
 * @param contractId the id rows of one contract share (rows without one are each their own contract)
 * @param buyers     the buyers as written
 * @param awardYear  the year of the award date, or null when the date gives none
 * @param quantity   the quantity ordered (the figure of "up to N", "~N"), or null when not stated
 * @param quantityText the quantity as written, or null
 * @param row        the row it came from
 * @param supplier   the producer as written ({@code Raytheon}), or null
 * @param awardDate  the award date as written ({@code 2022-05-27}), or null
 */
record ContractFigure(String contractId, String buyers, Integer awardYear, Double quantity, String quantityText,
    RowRef row, String supplier, String awardDate) {
  ContractFigure(String contractId, String buyers, Integer awardYear, Double quantity, String quantityText,
      RowRef row) {
    this(contractId, buyers, awardYear, quantity, quantityText, row, null, null);
  }

  /** The id the contract is counted once under: its contract id, else its row. */
  String key() {
    return contractId != null ? contractId : row.toString();
  }
}
