// The browser half of an import run: cut the mapped rows into batches the server action accepts
// (≤ 500 rows and, since server-action bodies are capped at 2 MB, ≤ ~1.5 MB of JSON each) and turn the
// per-row errors into a list people can read and download. Pure and client-safe.
import type { FieldErrors } from "@/lib/errors";
import { IMPORT_BATCH_SIZE } from "./import-mapping";

export const MAX_BATCH_BYTES = 1_500_000;

export type TImportBatchRows = { firstRow: number; rows: Record<string, unknown>[] };

/** Consecutive batches; `firstRow` is the file row number of each batch's first row (header = row 1). */
export function importBatches(rows: readonly Record<string, unknown>[], options: { maxRows?: number; maxBytes?: number } = {}): TImportBatchRows[] {
  const maxRows = options.maxRows ?? IMPORT_BATCH_SIZE;
  const maxBytes = options.maxBytes ?? MAX_BATCH_BYTES;
  const batches: TImportBatchRows[] = [];
  let current: TImportBatchRows | null = null;
  let bytes = 0;
  rows.forEach((row, index) => {
    const size = JSON.stringify(row).length + 1;
    if (!current || current.rows.length >= maxRows || (bytes + size > maxBytes && current.rows.length > 0)) {
      current = { firstRow: index + 2, rows: [] };
      batches.push(current);
      bytes = 0;
    }
    current.rows.push(row);
    bytes += size;
  });
  return batches;
}

export type TRowError = { row: number; column: string; message: string };

/** One line per (row, column, message), columns named by their labels ("" = the whole row). */
export function flattenRowErrors(failed: readonly { row: number; errors: FieldErrors }[], labels: ReadonlyMap<string, string>): TRowError[] {
  return failed.flatMap(({ row, errors }) => Object.entries(errors).flatMap(([key, messages]) => messages.map((message) => ({ row, column: key ? (labels.get(key) ?? key) : "", message }))));
}

const cell = (text: string) => {
  // A spreadsheet would run a cell starting with = + - @ as a formula; quote it as text.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The error list as CSV (row, column, message), safe to open in a spreadsheet. */
export function rowErrorsCsv(errors: readonly TRowError[]): string {
  return ["Row,Column,Message", ...errors.map((error) => [String(error.row), cell(error.column), cell(error.message)].join(","))].join("\r\n") + "\r\n";
}
