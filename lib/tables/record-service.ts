import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { Tx } from "@/lib/db";
import { AppError, type FieldErrors } from "@/lib/errors";
import { inTransaction, type Audit, type ServiceContext } from "@/lib/service-context";
import { loadTable, type TLoadedTable } from "./load";
import { changedColumns, checkRecordValues, type TRecordData, type TRecordLinks } from "./record-values";
import type { ZCreateRecord, ZRecordRefs, ZUpdateRecord } from "./schema";

// Record writes. Each write is one transaction holding the record change, its relation links, the
// outbox event triggers consume (DATABASE_ROW_CREATED / _UPDATED / _DELETED) and the audit entry.
// Values are judged by the table schema (record-values.ts); uniqueness by the table's UNIQUE
// indexes (storage.ts), so it holds under concurrency; auto-numbers come from the table row's
// counter, taken under its row lock, so they are gap-free and never repeat.

export type TRecordRow = { id: string; data: TRecordData; autoNumber: number | null; version: number; createdAt: Date; updatedAt: Date };

function uniqueViolation(table: TLoadedTable, error: unknown): AppError | null {
  const text = `${(error as Error)?.message ?? ""} ${JSON.stringify((error as { meta?: unknown })?.meta ?? {})}`;
  const name = /x_ctr_[0-9a-f]+_[0-9a-f]+/.exec(text)?.[0];
  const key = name ? table.uniqueIndexes.get(name) : undefined;
  if (!key) return null;
  const label = table.schema.columns.find((column) => column.key === key)?.label ?? key;
  return new AppError("VALIDATION", "Another record already has this value.", { fieldErrors: { [key]: [`Another record already has this ${label}`] } });
}

/**
 * Relation ids must name live records of the related table in this company. One query per relation
 * column for a whole batch; errors keyed by column (single record) or "<row>.<column>".
 */
async function checkLinks(tx: Tx, table: TLoadedTable, companyId: string, linksList: readonly TRecordLinks[], keyed: (index: number, key: string) => string): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  for (const column of table.schema.columns) {
    if (column.type !== "relation") continue;
    const wanted = [...new Set(linksList.flatMap((links) => links[column.key] ?? []))];
    if (wanted.length === 0) continue;
    const found = await tx.$queryRawUnsafe<{ id: string }[]>(
      `SELECT id FROM custom_table_records WHERE id = ANY($1::uuid[]) AND "companyId" = $2::uuid AND "tableId" = $3::uuid AND "deletedAt" IS NULL`,
      wanted,
      companyId,
      column.tableId,
    );
    const live = new Set(found.map((row) => row.id));
    linksList.forEach((links, index) => {
      if ((links[column.key] ?? []).some((id) => !live.has(id))) errors[keyed(index, column.key)] = [`${column.label} names a record that does not exist (or was deleted)`];
    });
  }
  return errors;
}

async function writeLinks(tx: Tx, companyId: string, recordIds: string[], linksList: TRecordLinks[], replace: boolean): Promise<void> {
  const from: string[] = [];
  const columns: string[] = [];
  const to: string[] = [];
  linksList.forEach((links, index) => {
    for (const [key, ids] of Object.entries(links)) for (const id of ids) (from.push(recordIds[index]!), columns.push(key), to.push(id));
  });
  if (replace) {
    const keys = [...new Set(linksList.flatMap((links) => Object.keys(links)))];
    if (keys.length) await tx.$executeRawUnsafe(`DELETE FROM record_links WHERE "fromRecordId" = ANY($1::uuid[]) AND "columnKey" = ANY($2::text[])`, recordIds, keys);
  }
  if (from.length) {
    await tx.$executeRawUnsafe(
      `INSERT INTO record_links ("companyId", "fromRecordId", "columnKey", "toRecordId") SELECT $1::uuid, f, c, t FROM unnest($2::uuid[], $3::text[], $4::uuid[]) AS v(f, c, t) ON CONFLICT DO NOTHING`,
      companyId,
      from,
      columns,
      to,
    );
  }
}

/**
 * Writes the outbox events of a record change. `ctx.causation` (set when a trigger's action writes
 * the row) links the event to the one that caused it, one level deeper, so trigger loops can stop.
 */
async function emit(tx: Tx, ctx: ServiceContext, type: "DATABASE_ROW_CREATED" | "DATABASE_ROW_UPDATED" | "DATABASE_ROW_DELETED", table: TLoadedTable, payloads: { recordId: string; [key: string]: unknown }[]): Promise<void> {
  if (!payloads.length) return;
  const { companyId, actorId } = ctx;
  await tx.$executeRawUnsafe(
    `INSERT INTO outbox_events ("companyId", type, entity, "entityId", payload, "causationId", depth)
     SELECT $1::uuid, $2::"EventType", 'CustomTableRecord', e, p, $5::uuid, $6::int FROM unnest($3::text[], $4::jsonb[]) AS v(e, p)`,
    companyId,
    type,
    payloads.map((payload) => payload.recordId),
    payloads.map((payload) => JSON.stringify({ tableId: table.id, table: table.name, actorId, ...payload })),
    ctx.causation?.eventId ?? null,
    (ctx.causation?.depth ?? -1) + 1,
  );
}

/**
 * Inserts records (a form's one record or an import batch): all or none. Errors are keyed by column
 * for a single record and by "<row>.<column>" (0-based) for a batch.
 */
export async function insertRecords(tx: Tx, ctx: ServiceContext, table: TLoadedTable, valuesList: readonly unknown[]): Promise<TRecordRow[]> {
  const single = valuesList.length === 1;
  const errors: FieldErrors = {};
  const checked: { data: TRecordData; links: TRecordLinks }[] = [];
  const keyed = (index: number, key: string) => (single ? key : `${index}.${key}`);
  for (const [index, values] of valuesList.entries()) {
    const result = checkRecordValues(table.compiled, values, { kind: "create" });
    if (!result.ok) for (const [key, messages] of Object.entries(result.errors)) errors[keyed(index, key)] = messages;
    else checked.push(result);
  }
  if (Object.keys(errors).length === 0) Object.assign(errors, await checkLinks(tx, table, ctx.companyId, checked.map((record) => record.links), keyed));
  if (Object.keys(errors).length) throw new AppError("VALIDATION", single ? "Some values need attention." : "Some rows need attention.", { fieldErrors: errors });

  const autoColumn = table.schema.columns.find((column) => column.type === "auto_number");
  let first = 0;
  if (autoColumn) {
    const [counter] = await tx.$queryRawUnsafe<{ first: bigint }[]>(
      `UPDATE custom_tables SET "nextAutoNumber" = "nextAutoNumber" + $2 WHERE id = $1::uuid RETURNING "nextAutoNumber" - $2 AS first`,
      table.id,
      checked.length,
    );
    first = Number(counter!.first);
    checked.forEach((record, index) => (record.data[autoColumn.key] = first + index));
  }
  const ids = checked.map(() => randomUUID());
  let rows: TRecordRow[];
  try {
    rows = await tx.$queryRawUnsafe<TRecordRow[]>(
      `INSERT INTO custom_table_records (id, "companyId", "tableId", data, "autoNumber", "createdById", "updatedById", "updatedAt")
       SELECT v.id, $1::uuid, $2::uuid, v.data, v.n, $3::uuid, $3::uuid, now() FROM unnest($4::uuid[], $5::jsonb[], $6::bigint[]) WITH ORDINALITY AS v(id, data, n, i) ORDER BY v.i
       RETURNING id, data, "autoNumber"::int AS "autoNumber", version, "createdAt", "updatedAt"`,
      ctx.companyId,
      table.id,
      ctx.actorId,
      ids,
      checked.map((record) => JSON.stringify(record.data)),
      checked.map((_, index) => (autoColumn ? first + index : null)),
    );
  } catch (error) {
    throw uniqueViolation(table, error) ?? error;
  }
  await writeLinks(tx, ctx.companyId, ids, checked.map((record) => record.links), false);
  await emit(tx, ctx, "DATABASE_ROW_CREATED", table, checked.map((record, index) => ({ recordId: ids[index]!, data: record.data, links: record.links })));
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id)!);
}

export async function createRecord(ctx: ServiceContext, input: z.output<typeof ZCreateRecord>): Promise<TRecordRow> {
  return inTransaction(ctx, async (tx, audit) => {
    const table = await loadTable(tx, ctx.companyId, { id: input.tableId });
    const [record] = await insertRecords(tx, ctx, table, [input.values]);
    await audit({ action: "record.created", entity: "CustomTableRecord", entityId: record!.id, after: record!.data, metadata: { tableId: table.id } });
    return record!;
  });
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Changes the columns sent and nothing else. Two people editing different columns of one record both
 * keep their change (the update merges into the stored row under its lock); when `base` shows the
 * editor saw an older value of a column someone has changed since, the update is refused by name.
 */
export async function updateRecord(ctx: ServiceContext, input: z.output<typeof ZUpdateRecord>): Promise<TRecordRow> {
  return inTransaction(ctx, async (tx, audit) => updateRecordInTx(tx, audit, ctx, await loadTable(tx, ctx.companyId, { id: input.tableId }), input));
}

/** updateRecord inside the caller's transaction (a bulk edit changes many records all or none). */
export async function updateRecordInTx(tx: Tx, audit: Audit, ctx: ServiceContext, table: TLoadedTable, input: z.output<typeof ZUpdateRecord>): Promise<TRecordRow> {
  const [current] = await tx.$queryRawUnsafe<(TRecordRow & { updatedByName: string | null })[]>(
    `SELECT r.id, r.data, r."autoNumber"::int AS "autoNumber", r.version, r."createdAt", r."updatedAt", trim(u."firstName" || ' ' || u."lastName") AS "updatedByName"
       FROM custom_table_records r LEFT JOIN users u ON u.id = r."updatedById"
      WHERE r.id = $1::uuid AND r."companyId" = $2::uuid AND r."tableId" = $3::uuid AND r."deletedAt" IS NULL FOR UPDATE OF r`,
    input.recordId,
    ctx.companyId,
    table.id,
  );
  if (!current) throw new AppError("NOT_FOUND", "Record not found.");
  if (input.base) {
    const stale = Object.keys(input.values).filter((key) => Object.hasOwn(input.base!, key) && !same(input.base![key], current.data[key]));
    if (stale.length) {
      const labels = stale.map((key) => table.schema.columns.find((column) => column.key === key)?.label ?? key);
      throw new AppError("CONFLICT", `${current.updatedByName ?? "Someone"} changed ${labels.join(", ")} since you opened this record; reload to see the new value.`, {
        details: { columns: stale, current: Object.fromEntries(stale.map((key) => [key, current.data[key] ?? null])) },
      });
    }
  }
  const result = checkRecordValues(table.compiled, input.values, { kind: "update", current: current.data });
  if (!result.ok) throw new AppError("VALIDATION", "Some values need attention.", { fieldErrors: result.errors });
  const linkErrors = await checkLinks(tx, table, ctx.companyId, [result.links], (_, key) => key);
  if (Object.keys(linkErrors).length) throw new AppError("VALIDATION", "Some values need attention.", { fieldErrors: linkErrors });
  const changed = changedColumns(current.data, result.data);
  const relationsSent = Object.keys(result.links);
  if (changed.length === 0 && relationsSent.length === 0) return current;
  let row: TRecordRow;
  try {
    [row] = (await tx.$queryRawUnsafe<TRecordRow[]>(
      `UPDATE custom_table_records SET data = $2::jsonb, version = version + 1, "updatedById" = $3::uuid, "updatedAt" = now() WHERE id = $1::uuid
       RETURNING id, data, "autoNumber"::int AS "autoNumber", version, "createdAt", "updatedAt"`,
      current.id,
      JSON.stringify(result.data),
      ctx.actorId,
    )) as [TRecordRow];
  } catch (error) {
    throw uniqueViolation(table, error) ?? error;
  }
  await writeLinks(tx, ctx.companyId, [current.id], [result.links], true);
  const before = Object.fromEntries(changed.map((key) => [key, current.data[key] ?? null]));
  const after = Object.fromEntries(changed.map((key) => [key, result.data[key] ?? null]));
  await emit(tx, ctx, "DATABASE_ROW_UPDATED", table, [{ recordId: current.id, data: result.data, previous: before, changed: [...changed, ...relationsSent] }]);
  await audit({ action: "record.updated", entity: "CustomTableRecord", entityId: current.id, before, after, metadata: { tableId: table.id, relations: result.links } });
  return row;
}

async function setDeleted(ctx: ServiceContext, input: z.output<typeof ZRecordRefs>, deleted: boolean, audit: Audit, tx: Tx) {
  const table = await loadTable(tx, ctx.companyId, { id: input.tableId });
  let rows: { id: string; data: TRecordData }[];
  try {
    rows = await tx.$queryRawUnsafe<{ id: string; data: TRecordData }[]>(
      `UPDATE custom_table_records SET "deletedAt" = ${deleted ? "now()" : "NULL"}, "updatedById" = $4::uuid, version = version + 1
        WHERE id = ANY($1::uuid[]) AND "companyId" = $2::uuid AND "tableId" = $3::uuid AND "deletedAt" IS ${deleted ? "NULL" : "NOT NULL"}
        RETURNING id, data`,
      input.recordIds,
      ctx.companyId,
      table.id,
      ctx.actorId,
    );
  } catch (error) {
    // Restoring a record whose unique value another live record has taken meanwhile.
    throw uniqueViolation(table, error) ?? error;
  }
  if (deleted) await emit(tx, ctx, "DATABASE_ROW_DELETED", table, rows.map((row) => ({ recordId: row.id, data: row.data })));
  else await emit(tx, ctx, "DATABASE_ROW_CREATED", table, rows.map((row) => ({ recordId: row.id, data: row.data, restored: true })));
  for (const row of rows) await audit({ action: deleted ? "record.deleted" : "record.restored", entity: "CustomTableRecord", entityId: row.id, metadata: { tableId: table.id } });
  return { count: rows.length };
}

/** Moves records to the table's trash (soft delete): they disappear everywhere but the trash. */
export function deleteRecords(ctx: ServiceContext, input: z.output<typeof ZRecordRefs>) {
  return inTransaction(ctx, (tx, audit) => setDeleted(ctx, input, true, audit, tx));
}

/** Brings records back from the trash. */
export function restoreRecords(ctx: ServiceContext, input: z.output<typeof ZRecordRefs>) {
  return inTransaction(ctx, (tx, audit) => setDeleted(ctx, input, false, audit, tx));
}

/** Deletes records for good; only records already in the trash. */
export function purgeRecords(ctx: ServiceContext, input: z.output<typeof ZRecordRefs>) {
  return inTransaction(ctx, async (tx, audit) => {
    const table = await loadTable(tx, ctx.companyId, { id: input.tableId });
    const rows = await tx.$queryRawUnsafe<{ id: string }[]>(
      `DELETE FROM custom_table_records WHERE id = ANY($1::uuid[]) AND "companyId" = $2::uuid AND "tableId" = $3::uuid AND "deletedAt" IS NOT NULL RETURNING id`,
      input.recordIds,
      ctx.companyId,
      table.id,
    );
    for (const row of rows) await audit({ action: "record.purged", entity: "CustomTableRecord", entityId: row.id, metadata: { tableId: table.id } });
    return { count: rows.length };
  });
}
