import "server-only";
import { z } from "zod";
import type { Tx } from "@/lib/db";
import type { FieldErrors } from "@/lib/errors";
import { inTransaction, type ServiceContext } from "@/lib/service-context";
import type { TColumn } from "./columns";
import { IMPORT_BATCH_SIZE } from "./import-mapping";
import { loadTable, type TLoadedTable } from "./load";
import { checkRecordValues } from "./record-values";
import { insertRecords } from "./record-service";
import { valueKind } from "./storage";
import { isUuid } from "@/lib/ids";

// CSV import, the server half: one batch of already-mapped rows (import-mapping.ts) is judged row by
// row; the valid rows are inserted in ONE transaction (all of the batch's valid rows or none), the
// invalid ones come back with their errors and row numbers. The browser sends batch after batch and
// shows the progress; `dryRun` judges without writing (the preview).

export const ZImportBatch = z.object({
  tableId: z.uuid(),
  /** Column values per row, keyed by column key; relation cells may hold display text. */
  rows: z.array(z.record(z.string(), z.unknown())).min(1, "Nothing to import").max(IMPORT_BATCH_SIZE, `At most ${IMPORT_BATCH_SIZE} rows per batch`),
  /** The file row number of rows[0] (for messages: the header is row 1). */
  firstRow: z.int().min(1).default(2),
  dryRun: z.boolean().default(false),
});
export type TImportBatch = z.input<typeof ZImportBatch>;

export type TImportResult = { inserted: number; valid: number; failed: { row: number; errors: FieldErrors }[] };


/** Replaces relation display texts by record ids of the related table (unknown or ambiguous: an error). */
async function resolveRelations(tx: Tx, companyId: string, table: TLoadedTable, rows: Record<string, unknown>[], errors: Map<number, FieldErrors>) {
  for (const column of table.schema.columns) {
    if (column.type !== "relation") continue;
    const texts = new Set<string>();
    for (const row of rows) for (const value of [row[column.key]].flat()) if (typeof value === "string" && !isUuid(value)) texts.add(value);
    if (!texts.size) continue;
    const target = await loadTable(tx, companyId, { id: column.tableId }).catch(() => null);
    const display = target?.schema.columns.find((candidate) => candidate.key === column.displayColumn) ?? target?.schema.columns.find((candidate) => candidate.type === "text");
    const found = target && display
      ? await tx.$queryRawUnsafe<{ id: string; text: string }[]>(
          `SELECT id, data ->> $3 AS text FROM custom_table_records WHERE "companyId" = $1::uuid AND "tableId" = $2::uuid AND "deletedAt" IS NULL AND data ->> $3 = ANY($4::text[])`,
          companyId,
          target.id,
          display.key,
          [...texts],
        )
      : [];
    const ids = new Map<string, string[]>();
    for (const match of found) ids.set(match.text, [...(ids.get(match.text) ?? []), match.id]);
    rows.forEach((row, index) => {
      const values = [row[column.key]].flat();
      const resolved: unknown[] = [];
      for (const value of values) {
        if (typeof value !== "string" || isUuid(value)) resolved.push(value);
        else if ((ids.get(value)?.length ?? 0) === 1) resolved.push(ids.get(value)![0]);
        else {
          const problem = ids.has(value) ? `Several ${target?.displayName ?? "records"} are named "${value}"; use the record id` : `No ${target?.displayName ?? "record"} is named "${value}"`;
          (errors.get(index) ?? errors.set(index, {}).get(index)!)[column.key] = [problem];
        }
      }
      if (row[column.key] !== undefined) row[column.key] = Array.isArray(row[column.key]) ? resolved : (resolved[0] ?? null);
    });
  }
}

/** Unique columns: a value used twice in the batch, or already used by a live record, is a row error. */
async function checkUniques(tx: Tx, companyId: string, table: TLoadedTable, rows: { index: number; data: Record<string, unknown> }[], errors: Map<number, FieldErrors>) {
  const uniques = table.schema.columns.filter((column: TColumn) => column.unique);
  for (const column of uniques) {
    const seen = new Map<string, number>();
    for (const row of rows) {
      const value = row.data[column.key];
      if (value === undefined || value === null) continue;
      const text = String(value);
      if (seen.has(text)) (errors.get(row.index) ?? errors.set(row.index, {}).get(row.index)!)[column.key] = [`${column.label} "${text}" appears twice in the file`];
      else seen.set(text, row.index);
    }
    if (!seen.size) continue;
    const kind = valueKind(column, table.schema);
    const taken = await tx.$queryRawUnsafe<{ value: string }[]>(
      kind === "number"
        ? `SELECT (data ->> $3) AS value FROM custom_table_records WHERE "companyId" = $1::uuid AND "tableId" = $2::uuid AND "deletedAt" IS NULL AND (data ->> $3)::numeric = ANY($4::numeric[])`
        : `SELECT (data ->> $3) AS value FROM custom_table_records WHERE "companyId" = $1::uuid AND "tableId" = $2::uuid AND "deletedAt" IS NULL AND data ->> $3 = ANY($4::text[])`,
      companyId,
      table.id,
      column.key,
      [...seen.keys()],
    );
    for (const { value } of taken) {
      const index = seen.get(kind === "number" ? String(Number(value)) : value);
      if (index !== undefined) (errors.get(index) ?? errors.set(index, {}).get(index)!)[column.key] = [`Another record already has this ${column.label}`];
    }
  }
}

export async function importBatch(ctx: ServiceContext, input: z.output<typeof ZImportBatch>): Promise<TImportResult> {
  return inTransaction(ctx, async (tx, audit) => {
    const table = await loadTable(tx, ctx.companyId, { id: input.tableId });
    const rows = input.rows.map((row) => ({ ...row }));
    const errors = new Map<number, FieldErrors>();
    await resolveRelations(tx, ctx.companyId, table, rows, errors);
    const checked: { index: number; data: Record<string, unknown> }[] = [];
    rows.forEach((row, index) => {
      const result = checkRecordValues(table.compiled, row, { kind: "create" });
      if (!result.ok) errors.set(index, { ...result.errors, ...errors.get(index) });
      else if (!errors.has(index)) checked.push({ index, data: result.data });
    });
    await checkUniques(tx, ctx.companyId, table, checked, errors);
    const valid = checked.filter((row) => !errors.has(row.index));
    const failed = [...errors].sort(([a], [b]) => a - b).map(([index, rowErrors]) => ({ row: input.firstRow + index, errors: rowErrors }));
    if (input.dryRun || valid.length === 0) return { inserted: 0, valid: valid.length, failed };
    await insertRecords(tx, ctx, table, valid.map((row) => rows[row.index]!));
    await audit({ action: "records.imported", entity: "CustomTable", entityId: table.id, metadata: { inserted: valid.length, failed: failed.length, firstRow: input.firstRow } });
    return { inserted: valid.length, valid: valid.length, failed };
  });
}
