package org.quartermaster.app.importer.tabular;

/** How a field's text is read (blank cells and placeholders such as ".." are always "no value"). */
enum FieldType {
  /** Text as written, trimmed. */
  TEXT,
  /** A word of a small vocabulary (category, measure, unit, kind …), lower-cased. */
  WORD,
  /** A number; decimal comma or point, thousands separators, a trailing %. */
  NUMBER,
  /** A whole number. */
  INTEGER,
  /** A year, YYYY, optionally marked as an estimate: 2023e, 2023*. */
  YEAR,
  /** yes/no, true/false, 1/0. */
  FLAG,
  /** true/false/unknown (or yes/no, e, est). */
  ESTIMATE,
  /** YYYY, YYYY-MM or YYYY-MM-DD (a time after the date is dropped). */
  DATE,
  /** YYYY-MM. */
  MONTH,
  /** A country's name, alias or ISO code, or one of the mapping's institutions. */
  COUNTRY,
  /** An ISO 3166 alpha-3 code. */
  ISO3,
  /** A quantity, possibly qualified: "up to 1000", "~220000", "about 50". */
  QUANTITY
}
