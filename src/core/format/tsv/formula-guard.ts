/**
 * Spreadsheet formula injection (OWASP "CSV injection"): a cell that starts with `=`, `+`, `-`,
 * `@`, a tab or a carriage return is run as a formula by Excel, LibreOffice and Google Sheets
 * (`=HYPERLINK(…)`, `@SUM(…)`). Tables we write put an apostrophe before such a cell, which the
 * spreadsheet shows as text; reading a table takes exactly one apostrophe off again. The two are
 * inverse for every text: a text that already starts with apostrophes before such a character
 * gets one more, so `'=x` round-trips as itself.
 */
const FORMULA_AFTER_APOSTROPHES = /^'*[=+\-@\t\r]/;
const GUARDED = /^'+[=+\-@\t\r]/;

export function guardFormula(cell: string): string {
  return FORMULA_AFTER_APOSTROPHES.test(cell) ? `'${cell}` : cell;
}

export function unguardFormula(cell: string): string {
  return GUARDED.test(cell) ? cell.slice(1) : cell;
}
