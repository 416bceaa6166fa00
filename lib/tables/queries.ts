import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { ZTableSchema, type TColumn } from "./columns";
import { loadTable, type TLoadedTable } from "./load";
import { buildRecordQuery, COUNT_CAP, encodeCursor, type TRecordListQuery } from "./record-query";
import type { TRecordData } from "./record-values";

export type TTableSummary = { id: string; name: string; displayName: string; description: string | null; columns: number; records: number; updatedAt: Date };

/** The company's live tables with their column and live-record counts. */
export async function listTables(companyId: string): Promise<TTableSummary[]> {
  const tables = await db.customTable.findMany({
    where: { companyId, archivedAt: null },
    orderBy: { displayName: "asc" },
    select: { id: true, name: true, displayName: true, description: true, schema: true, updatedAt: true },
  });
  const counts = await db.$queryRawUnsafe<{ tableId: string; count: number }[]>(
    `SELECT "tableId", count(*)::int AS count FROM custom_table_records WHERE "companyId" = $1::uuid AND "deletedAt" IS NULL GROUP BY "tableId"`,
    companyId,
  );
  const byTable = new Map(counts.map((row) => [row.tableId, row.count]));
  return tables.map((table) => ({
    id: table.id,
    name: table.name,
    displayName: table.displayName,
    description: table.description,
    columns: ZTableSchema.safeParse(table.schema).data?.columns.length ?? 0,
    records: byTable.get(table.id) ?? 0,
    updatedAt: table.updatedAt,
  }));
}

export async function getTable(companyId: string, ref: { id: string } | { name: string }): Promise<TLoadedTable> {
  return loadTable(db, companyId, ref);
}

export type TRecordView = {
  id: string;
  data: TRecordData;
  autoNumber: number | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
  /** Relation columns: the linked records with their display text. */
  links: Record<string, { id: string; label: string }[]>;
};

type Row = Omit<TRecordView, "links"> & { sortValue: string | number | boolean | null };

/** Linked records of `recordIds` with each relation column's display text (one query). */
async function linksOf(table: TLoadedTable, recordIds: string[]): Promise<Map<string, Record<string, { id: string; label: string }[]>>> {
  const relations = table.schema.columns.filter((column) => column.type === "relation");
  const result = new Map<string, Record<string, { id: string; label: string }[]>>();
  if (!relations.length || !recordIds.length) return result;
  const display = new Map(relations.map((column) => [column.key, column.type === "relation" ? (column.displayColumn ?? null) : null]));
  const rows = await db.$queryRawUnsafe<{ fromId: string; columnKey: string; toId: string; toData: TRecordData; toAuto: number | null }[]>(
    `SELECT l."fromRecordId" AS "fromId", l."columnKey", l."toRecordId" AS "toId", t.data AS "toData", t."autoNumber"::int AS "toAuto"
       FROM record_links l JOIN custom_table_records t ON t.id = l."toRecordId" AND t."deletedAt" IS NULL
      WHERE l."fromRecordId" = ANY($1::uuid[]) ORDER BY l."createdAt", l.id`,
    recordIds,
  );
  for (const row of rows) {
    const column = display.get(row.columnKey);
    const text = column ? row.toData[column] : undefined;
    const label = text === undefined || text === null ? (row.toAuto !== null ? `#${row.toAuto}` : row.toId.slice(0, 8)) : String(text);
    const entry = result.get(row.fromId) ?? {};
    (entry[row.columnKey] ??= []).push({ id: row.toId, label });
    result.set(row.fromId, entry);
  }
  return result;
}

export type TRecordPage = { items: TRecordView[]; nextCursor: string | null; count: number; countCapped: boolean };

/**
 * One page of a table's records. The count is capped (an exact count of 200k matches costs ≈450 ms
 * here): `countCapped` means "more than COUNT_CAP".
 */
export async function listRecords(companyId: string, tableRef: { id: string } | { name: string }, query: TRecordListQuery): Promise<TRecordPage> {
  const table = await getTable(companyId, tableRef);
  const statements = buildRecordQuery(companyId, table.id, table.schema, query);
  const rows: Row[] = [];
  for (const page of statements.pages) {
    if (rows.length > query.limit) break;
    const found = await db.$queryRawUnsafe<Row[]>(page.text, ...page.values);
    rows.push(...found.slice(0, query.limit + 1 - rows.length));
  }
  const [{ count }] = (await db.$queryRawUnsafe<{ count: number }[]>(statements.count.text, ...statements.count.values)) as [{ count: number }];
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  const nextCursor = rows.length > query.limit && last ? encodeCursor({ v: last.sortValue, id: last.id }) : null;
  const links = await linksOf(table, items.map((item) => item.id));
  return {
    items: items.map(({ sortValue: _sortValue, ...item }) => ({ ...item, links: links.get(item.id) ?? {} })),
    nextCursor,
    count: Math.min(count, COUNT_CAP),
    countCapped: count > COUNT_CAP,
  };
}

export type TRecordDetail = TRecordView & {
  table: { id: string; name: string; displayName: string };
  /** Records of other tables (or this one) that link here, by table and column. */
  linkedFrom: { tableId: string; tableName: string; column: string; records: { id: string; label: string }[] }[];
};

/** One record with its links both ways; deleted records are found too (the trash shows them). */
export async function getRecord(companyId: string, tableRef: { id: string } | { name: string }, recordId: string): Promise<TRecordDetail> {
  const table = await getTable(companyId, tableRef);
  const [row] = await db.$queryRawUnsafe<Omit<TRecordView, "links">[]>(
    `SELECT id, data, "autoNumber"::int AS "autoNumber", version, "createdAt", "updatedAt", "deletedAt" FROM custom_table_records WHERE id = $1::uuid AND "companyId" = $2::uuid AND "tableId" = $3::uuid`,
    recordId,
    companyId,
    table.id,
  );
  if (!row) throw new AppError("NOT_FOUND", "Record not found.");
  const links = (await linksOf(table, [row.id])).get(row.id) ?? {};
  const incoming = await db.$queryRawUnsafe<{ tableId: string; columnKey: string; fromId: string; fromData: TRecordData; fromAuto: number | null }[]>(
    `SELECT f."tableId", l."columnKey", l."fromRecordId" AS "fromId", f.data AS "fromData", f."autoNumber"::int AS "fromAuto"
       FROM record_links l JOIN custom_table_records f ON f.id = l."fromRecordId" AND f."deletedAt" IS NULL
      WHERE l."toRecordId" = $1::uuid AND l."companyId" = $2::uuid ORDER BY l."createdAt" LIMIT 500`,
    row.id,
    companyId,
  );
  const tables = new Map<string, TLoadedTable>();
  const groups = new Map<string, TRecordDetail["linkedFrom"][number]>();
  for (const link of incoming) {
    const source = tables.get(link.tableId) ?? (await getTable(companyId, { id: link.tableId }).catch(() => null));
    if (!source) continue;
    tables.set(link.tableId, source);
    const column = source.schema.columns.find((candidate) => candidate.key === link.columnKey);
    const firstText = source.schema.columns.find((candidate) => candidate.type === "text");
    const text = firstText ? link.fromData[firstText.key] : undefined;
    const group = groups.get(`${link.tableId}:${link.columnKey}`) ?? { tableId: source.id, tableName: source.displayName, column: column?.label ?? link.columnKey, records: [] };
    group.records.push({ id: link.fromId, label: text ? String(text) : link.fromAuto !== null ? `#${link.fromAuto}` : link.fromId.slice(0, 8) });
    groups.set(`${link.tableId}:${link.columnKey}`, group);
  }
  return { ...row, links, table: { id: table.id, name: table.name, displayName: table.displayName }, linkedFrom: [...groups.values()] };
}

export type TTableDesign = { id: string; name: string; displayName: string; description: string | null; updatedAt: Date; columns: TColumn[] };

/** A live table as the designer edits it (with its description), by key; missing and foreign alike: not found. */
export async function getTableDesign(companyId: string, name: string): Promise<TTableDesign> {
  const row = await db.customTable.findFirst({ where: { companyId, name, archivedAt: null }, select: { id: true, name: true, displayName: true, description: true, updatedAt: true, schema: true } });
  if (!row) throw new AppError("NOT_FOUND", "Table not found.");
  const { schema, ...rest } = row;
  return { ...rest, columns: ZTableSchema.safeParse(schema).data?.columns ?? [] };
}

export type TTableColumnChoice = { id: string; name: string; displayName: string; columns: { key: string; label: string; type: TColumn["type"] }[] };

/** Every live table with its columns' keys, labels and types: relation targets and their display columns. */
export async function listTableColumnChoices(companyId: string): Promise<TTableColumnChoice[]> {
  const tables = await db.customTable.findMany({ where: { companyId, archivedAt: null }, orderBy: { displayName: "asc" }, select: { id: true, name: true, displayName: true, schema: true } });
  return tables.map((table) => ({
    id: table.id,
    name: table.name,
    displayName: table.displayName,
    columns: (ZTableSchema.safeParse(table.schema).data?.columns ?? []).map((column) => ({ key: column.key, label: column.label, type: column.type })),
  }));
}
