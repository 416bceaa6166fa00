import "server-only";
import { db } from "@/lib/db";
import type { TColumn } from "./columns";
import { getTable, listRecords } from "./queries";
import { ZRecordListQuery } from "./record-query";
import type { TRecordData } from "./record-values";

export type TRecordOption = { id: string; label: string };

/** The column that names a record of a table: the relation's chosen one, else the first text column. */
export function displayColumnOf(columns: readonly TColumn[], preferred?: string): TColumn | undefined {
  return columns.find((column) => column.key === preferred) ?? columns.find((column) => column.type === "text");
}

export function recordLabel(data: TRecordData, autoNumber: number | null, id: string, display?: TColumn): string {
  const text = display ? data[display.key] : undefined;
  return text !== undefined && text !== null && text !== "" ? String(text) : autoNumber !== null ? `#${autoNumber}` : id.slice(0, 8);
}

/** Up to 20 live records of a table matching `q` (quick search), named by their display column. */
export async function searchRecordOptions(companyId: string, tableId: string, q: string, displayKey?: string): Promise<TRecordOption[]> {
  const table = await getTable(companyId, { id: tableId });
  const display = displayColumnOf(table.schema.columns, displayKey);
  const page = await listRecords(companyId, { id: table.id }, ZRecordListQuery.parse({ q: q || undefined, limit: 20, sort: display?.key ?? "createdAt", direction: display ? "asc" : "desc" }));
  return page.items.map((item) => ({ id: item.id, label: recordLabel(item.data, item.autoNumber, item.id, display) }));
}

/** Keys of the company's live tables by id (links from relation cells to the related record's page). */
export async function tableKeysById(companyId: string, ids: readonly string[]): Promise<Record<string, string>> {
  if (!ids.length) return {};
  const rows = await db.customTable.findMany({ where: { companyId, id: { in: [...ids] }, archivedAt: null }, select: { id: true, name: true } });
  return Object.fromEntries(rows.map((row) => [row.id, row.name]));
}
