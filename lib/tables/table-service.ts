import "server-only";
import type { z } from "zod";
import type { Tx } from "@/lib/db";
import { AppError, type FieldErrors } from "@/lib/errors";
import type { InputJsonValue } from "@/lib/generated/prisma/internal/prismaNamespace";
import { inTransaction, type ServiceContext } from "@/lib/service-context";
import { ZTableSchema, type TTableSchema } from "./columns";
import { loadTable } from "./load";
import { columnChanges, convertColumn, type TColumnChange } from "./schema-change";
import { parseTableSchema } from "./schema-checks";
import type { ZCreateTable, ZTableId, ZUpdateTable } from "./schema";
import { indexPrefix, planIndexes } from "./storage";

const asJson = (schema: TTableSchema) => schema as unknown as InputJsonValue;

/** Every live table of the company → its column keys (relation targets and display columns). */
async function relatedTables(tx: Tx, companyId: string): Promise<Map<string, string[]>> {
  const tables = await tx.customTable.findMany({ where: { companyId, archivedAt: null }, select: { id: true, schema: true } });
  return new Map(tables.map((table) => [table.id, ZTableSchema.safeParse(table.schema).data?.columns.map((column) => column.key) ?? []]));
}

/** A relation may point at its own table (a hierarchy): judge its display column by the new columns. */
function relatedWithProposed(related: Map<string, string[]>, tableId: string, columns: unknown): Map<string, string[]> {
  const proposed = ZTableSchema.safeParse(columns);
  if (proposed.success) related.set(tableId, proposed.data.columns.map((column) => column.key));
  return related;
}

function parseOrThrow(raw: unknown, related: Map<string, string[]>): TTableSchema {
  const parsed = parseTableSchema(raw ?? { columns: [] }, related);
  if (!parsed.ok) throw new AppError("VALIDATION", "Some columns need attention.", { fieldErrors: parsed.errors });
  return parsed.schema;
}

/**
 * Makes the table's indexes exactly what its schema asks for (storage.ts): drops the ones no longer
 * planned, creates the missing ones — inside the caller's transaction, so a schema save and its
 * indexes commit together. A UNIQUE index that cannot be built names the column with duplicates.
 */
export async function syncIndexes(tx: Tx, tableId: string, schema: TTableSchema): Promise<void> {
  const plans = planIndexes(tableId, schema);
  const existing = await tx.$queryRawUnsafe<{ indexname: string }[]>(
    `SELECT indexname::text AS indexname FROM pg_indexes WHERE tablename = 'custom_table_records' AND indexname LIKE $1`,
    `${indexPrefix(tableId)}%`,
  );
  const planned = new Set(plans.map((plan) => plan.name));
  for (const { indexname } of existing) if (!planned.has(indexname)) await tx.$executeRawUnsafe(`DROP INDEX IF EXISTS "${indexname}"`);
  const have = new Set(existing.map((row) => row.indexname));
  for (const plan of plans) {
    if (have.has(plan.name)) continue;
    await tx.$executeRawUnsafe(`SAVEPOINT build_index`);
    try {
      await tx.$executeRawUnsafe(plan.sql);
      await tx.$executeRawUnsafe(`RELEASE SAVEPOINT build_index`);
    } catch (error) {
      await tx.$executeRawUnsafe(`ROLLBACK TO SAVEPOINT build_index`);
      if (plan.uniqueColumn && /23505|could not create unique index/i.test(String((error as Error).message))) {
        const index = schema.columns.findIndex((column) => column.key === plan.uniqueColumn);
        throw new AppError("VALIDATION", "Some columns need attention.", { fieldErrors: { [`columns.${index}.unique`]: ["Existing records share values in this column, so it cannot be unique yet"] } });
      }
      throw error;
    }
  }
}

export async function createTable(ctx: ServiceContext, input: z.output<typeof ZCreateTable>) {
  return inTransaction(ctx, async (tx, audit) => {
    const schema = parseOrThrow(input.columns, await relatedTables(tx, ctx.companyId));
    const taken = await tx.customTable.findFirst({ where: { companyId: ctx.companyId, name: input.name }, select: { id: true } });
    if (taken) throw new AppError("VALIDATION", "Choose another key.", { fieldErrors: { name: [`A table with the key "${input.name}" already exists`] } });
    const table = await tx.customTable.create({
      data: { companyId: ctx.companyId, name: input.name, displayName: input.displayName, description: input.description, schema: asJson(schema) },
      select: { id: true, name: true, displayName: true, description: true, updatedAt: true },
    });
    await syncIndexes(tx, table.id, schema);
    await audit({ action: "table.created", entity: "CustomTable", entityId: table.id, after: { name: table.name, displayName: table.displayName, columns: schema.columns.map((column) => column.key) } });
    return table;
  });
}

export type TSchemaPreview = {
  changes: TColumnChange[];
  liveRows: number;
  /** Per retyped or newly required column: rows that convert and rows that would fail (with samples). */
  conversions: { key: string; label: string; convertible: number; failing: number; samples: { recordId: string; value: unknown; message: string }[] }[];
};

async function liveRows(tx: Tx, companyId: string, tableId: string) {
  return tx.customTableRecord.findMany({ where: { companyId, tableId, deletedAt: null }, select: { id: true, data: true } }) as Promise<{ id: string; data: Record<string, unknown> }[]>;
}

async function previewWith(tx: Tx, companyId: string, tableId: string, before: TTableSchema, after: TTableSchema) {
  const changes = columnChanges(before, after);
  const needsRows = changes.some((change) => change.kind === "retyped" || change.kind === "now_required");
  const rows = needsRows ? await liveRows(tx, companyId, tableId) : [];
  const count = needsRows ? rows.length : await tx.customTableRecord.count({ where: { companyId, tableId, deletedAt: null } });
  const conversions = new Map<string, ReturnType<typeof convertColumn>>();
  for (const change of changes) {
    if (change.kind !== "retyped" && change.kind !== "now_required") continue;
    if (conversions.has(change.key)) continue;
    conversions.set(change.key, convertColumn(after.columns.find((column) => column.key === change.key)!, rows));
  }
  const preview: TSchemaPreview = {
    changes,
    liveRows: count,
    conversions: [...conversions].map(([key, result]) => ({
      key,
      label: after.columns.find((column) => column.key === key)!.label,
      convertible: result.converted.size,
      failing: result.failures.length,
      samples: result.failures.slice(0, 5),
    })),
  };
  return { preview, conversions };
}

/** What saving these columns would do to the existing rows; writes nothing. */
export async function previewTableSchema(ctx: ServiceContext, input: { tableId: string; columns: unknown }): Promise<TSchemaPreview> {
  return inTransaction(ctx, async (tx) => {
    const table = await loadTable(tx, ctx.companyId, { id: input.tableId });
    const after = parseOrThrow(input.columns, relatedWithProposed(await relatedTables(tx, ctx.companyId), table.id, input.columns));
    return (await previewWith(tx, ctx.companyId, table.id, table.schema, after)).preview;
  });
}

/**
 * Saves a table's name and columns in one transaction: converts retyped columns' values (refusing,
 * with the preview's counts, when any live row would not convert), clears removed columns' values and
 * links, and rebuilds the indexes. Keys are the identity of columns: a new label never moves data.
 */
export async function updateTable(ctx: ServiceContext, input: z.output<typeof ZUpdateTable>) {
  return inTransaction(ctx, async (tx, audit) => {
    const table = await loadTable(tx, ctx.companyId, { id: input.tableId }, { lock: true });
    if (input.expectedUpdatedAt && new Date(input.expectedUpdatedAt).getTime() !== table.updatedAt.getTime()) {
      throw new AppError("CONFLICT", `Someone else changed this table at ${table.updatedAt.toISOString().slice(11, 16)} UTC; reload to see their changes.`);
    }
    const after = parseOrThrow(input.columns, relatedWithProposed(await relatedTables(tx, ctx.companyId), table.id, input.columns));
    const { preview, conversions } = await previewWith(tx, ctx.companyId, table.id, table.schema, after);
    const failing = preview.conversions.filter((conversion) => conversion.failing > 0);
    if (failing.length) {
      const fieldErrors: FieldErrors = {};
      for (const conversion of failing) {
        const index = after.columns.findIndex((column) => column.key === conversion.key);
        fieldErrors[`columns.${index}.type`] = [`${conversion.failing.toLocaleString("en-US")} of ${preview.liveRows.toLocaleString("en-US")} records cannot take this change (e.g. ${conversion.samples[0]?.message ?? "invalid value"})`];
      }
      throw new AppError("VALIDATION", "Some records cannot take this change; fix them first or choose another type.", { fieldErrors, details: { preview } });
    }
    for (const [key, conversion] of conversions) {
      const entries = [...conversion.converted];
      for (let start = 0; start < entries.length; start += 5_000) {
        const batch = entries.slice(start, start + 5_000);
        await tx.$executeRawUnsafe(
          `UPDATE custom_table_records r SET data = CASE WHEN v.value IS NULL THEN r.data - $3 ELSE jsonb_set(r.data, ARRAY[$3], v.value) END
             FROM unnest($1::uuid[], $2::jsonb[]) AS v(id, value) WHERE r.id = v.id`,
          batch.map(([id]) => id),
          batch.map(([, value]) => (value === undefined ? null : JSON.stringify(value))),
          key,
        );
      }
    }
    // A removed column that another table shows its links by would leave those links nameless.
    const removed = new Set(preview.changes.flatMap((change) => (change.kind === "removed" ? [change.key] : [])));
    const showing = removed.size ? (await tablesRelatingTo(tx, ctx.companyId, table.id)).filter((dependant) => dependant.displayColumn && removed.has(dependant.displayColumn)) : [];
    if (showing.length) {
      const names = showing.map((dependant) => `${dependant.displayName} (${dependant.column})`).join(", ");
      throw new AppError("VALIDATION", `Other tables show their links to ${table.displayName} by a column you removed: ${names}. Choose another display column there first.`, {
        fieldErrors: { columns: [`Used to name records by: ${names}`] },
        details: { dependants: showing },
      });
    }
    for (const change of preview.changes) {
      if (change.kind !== "removed") continue;
      await tx.$executeRawUnsafe(`UPDATE custom_table_records SET data = data - $3 WHERE "companyId" = $1::uuid AND "tableId" = $2::uuid AND data ? $3`, ctx.companyId, table.id, change.key);
      await tx.$executeRawUnsafe(
        `DELETE FROM record_links l USING custom_table_records r WHERE l."fromRecordId" = r.id AND r."tableId" = $1::uuid AND l."columnKey" = $2`,
        table.id,
        change.key,
      );
    }
    const saved = await tx.customTable.update({
      where: { id: table.id },
      data: { displayName: input.displayName, description: input.description, schema: asJson(after) },
      select: { id: true, name: true, displayName: true, description: true, updatedAt: true },
    });
    await syncIndexes(tx, table.id, after);
    await audit({
      action: "table.updated",
      entity: "CustomTable",
      entityId: table.id,
      before: { displayName: table.displayName, columns: table.schema.columns.map((column) => `${column.key}:${column.type}`) },
      after: { displayName: saved.displayName, columns: after.columns.map((column) => `${column.key}:${column.type}`) },
      metadata: { changes: preview.changes },
    });
    return saved;
  });
}

/** The tables whose relation columns point at `tableId` (named before a table is archived). */
export async function tablesRelatingTo(tx: Tx, companyId: string, tableId: string): Promise<{ id: string; displayName: string; column: string; displayColumn: string | null }[]> {
  const tables = await tx.customTable.findMany({ where: { companyId, archivedAt: null, NOT: { id: tableId } }, select: { id: true, displayName: true, schema: true } });
  return tables.flatMap((table) =>
    (ZTableSchema.safeParse(table.schema).data?.columns ?? []).flatMap((column) =>
      column.type === "relation" && column.tableId === tableId ? [{ id: table.id, displayName: table.displayName, column: column.label, displayColumn: column.displayColumn ?? null }] : [],
    ),
  );
}

/** Archives a table; refused (naming them) while other tables relate to it. */
export async function archiveTable(ctx: ServiceContext, input: z.output<typeof ZTableId>) {
  return inTransaction(ctx, async (tx, audit) => {
    const table = await loadTable(tx, ctx.companyId, { id: input.tableId }, { lock: true });
    const dependants = await tablesRelatingTo(tx, ctx.companyId, table.id);
    if (dependants.length) {
      throw new AppError("CONFLICT", `Other tables relate to ${table.displayName}: ${dependants.map((dependant) => `${dependant.displayName} (${dependant.column})`).join(", ")}. Remove those columns first.`, { details: { dependants } });
    }
    await tx.customTable.update({ where: { id: table.id }, data: { archivedAt: new Date() } });
    await audit({ action: "table.archived", entity: "CustomTable", entityId: table.id });
  });
}
