// CSV import, the pure half: decode the file's bytes, match its headers to the table's columns, and
// turn each CSV row's text into column values the record checker understands ("yes" → true,
// "a; b" → ["a", "b"]). The server (import.ts) stays the judge of every value.
import Papa from "papaparse";
import type { TColumn } from "./columns";

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 200_000;
export const IMPORT_BATCH_SIZE = 500;

/** Decodes CSV bytes: UTF-8 (with or without BOM), else Windows-1252, which every byte sequence is. */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: "utf-8" | "windows-1252" } {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "windows-1252" };
  }
}

export type TParsedCsv = { headers: string[]; rows: Record<string, string>[]; problems: string[] };

/** Parses CSV text with a header row; blank lines skipped; each row keyed by header. */
export function parseCsv(text: string): TParsedCsv {
  const result = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: "greedy", transformHeader: (header) => header.trim() });
  const headers = (result.meta.fields ?? []).filter((header) => header !== "");
  const problems = result.errors.slice(0, 20).map((error) => (error.row === undefined ? error.message : `Row ${error.row + 2}: ${error.message}`));
  if (headers.length === 0) problems.unshift("The file has no header row");
  // Papa renames a repeated header ("a" → "a_1") and says so in renamedHeaders.
  const renamed = Object.values(result.meta.renamedHeaders ?? {});
  if (renamed.length) problems.unshift(`Two columns of the file have the same header (${[...new Set(renamed)].join(", ")}); rename one`);
  if (result.data.length > MAX_IMPORT_ROWS) problems.unshift(`The file has more than ${MAX_IMPORT_ROWS.toLocaleString("en-US")} rows; split it`);
  return { headers, rows: result.data.slice(0, MAX_IMPORT_ROWS), problems };
}

const normalise = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, "");

/** Column key per CSV header (or null): matched by key or label, ignoring case, spaces and punctuation. */
export function autoMap(headers: readonly string[], columns: readonly TColumn[]): Record<string, string | null> {
  const writable = columns.filter((column) => column.type !== "auto_number" && column.type !== "formula");
  const used = new Set<string>();
  const mapping: Record<string, string | null> = {};
  for (const header of headers) {
    const wanted = normalise(header);
    const match = writable.find((column) => !used.has(column.key) && (normalise(column.key) === wanted || normalise(column.label) === wanted));
    mapping[header] = match?.key ?? null;
    if (match) used.add(match.key);
  }
  return mapping;
}

const TRUE = new Set(["true", "yes", "y", "1", "x", "✓"]);
const FALSE = new Set(["false", "no", "n", "0", ""]);

/** The value a CSV cell means for a column; text the checker will judge when it cannot tell. */
export function cellValue(column: TColumn, cell: string): unknown {
  const text = cell.trim();
  if (text === "") return null;
  switch (column.type) {
    case "boolean": {
      const lower = text.toLowerCase();
      return TRUE.has(lower) ? true : FALSE.has(lower) ? false : text;
    }
    case "multi_select":
    case "file":
      return text.split(/[;|]/).map((part) => part.trim()).filter(Boolean);
    case "relation":
      // Display texts here; the server resolves them to record ids (several: separated by ";").
      return column.cardinality === "many" ? text.split(";").map((part) => part.trim()).filter(Boolean) : text;
    default:
      return text;
  }
}

/** One CSV row → column values, by the mapping (header → column key). */
export function rowValues(row: Record<string, string>, mapping: Record<string, string | null>, columns: readonly TColumn[]): Record<string, unknown> {
  const byKey = new Map(columns.map((column) => [column.key, column]));
  const values: Record<string, unknown> = {};
  for (const [header, key] of Object.entries(mapping)) {
    const column = key ? byKey.get(key) : undefined;
    if (column && Object.hasOwn(row, header)) values[column.key] = cellValue(column, row[header] ?? "");
  }
  return values;
}
