package org.quartermaster.app.importer.sipri;

/** The columns of SIPRI's trade-register CSV export, by their header text. */
enum SipriColumn {
  ID("SIPRI AT Database ID"),
  SUPPLIER("Supplier"),
  RECIPIENT("Recipient"),
  DESIGNATION("Designation"),
  DESCRIPTION("Description"),
  CATEGORY("Armament category"),
  ORDER_DATE("Order date"),
  ORDER_DATE_ESTIMATE("Order date is estimate"),
  NUMBER_DELIVERED("Numbers delivered"),
  NUMBER_DELIVERED_ESTIMATE("Numbers delivered is estimate"),
  DELIVERY_YEAR("Delivery year"),
  DELIVERY_YEAR_ESTIMATE("Delivery year is estimate"),
  STATUS("Status"),
  /** SIPRI's TIV per unit of the weapon when new (the deal's unit TIV adjusts it for second-hand, …). */
  SIPRI_ESTIMATE("SIPRI estimate"),
  TIV_UNIT("TIV deal unit"),
  TIV_DELIVERED("TIV delivery values"),
  LOCAL_PRODUCTION("Local production");

  private final String header;

  SipriColumn(String header) {
    this.header = header;
  }

  String header() {
    return header;
  }
}
