import Papa from "papaparse";

// CSV export. Cells that a spreadsheet would run as a formula (=, +, -, @, tab, CR) are prefixed with
// an apostrophe, so an exported value like "=HYPERLINK(…)" stays text (CSV injection).

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = value instanceof Date ? value.toISOString() : typeof value === "object" ? JSON.stringify(value) : String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Rows of objects → CSV text with a header row, in the given column order. */
export function toCsv<T extends Record<string, unknown>>(rows: T[], columns: { key: keyof T & string; header: string }[]): string {
  return Papa.unparse({
    fields: columns.map((column) => column.header),
    data: rows.map((row) => columns.map((column) => neutraliseCell(row[column.key]))),
  });
}
