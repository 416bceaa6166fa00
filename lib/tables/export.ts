import "server-only";
import Papa from "papaparse";
import { neutraliseCell } from "@/lib/csv/export";
import type { TColumn } from "./columns";
import { getTable, listRecords, type TRecordView } from "./queries";
import type { TRecordListQuery } from "./record-query";

// Export of a table view (its filter, search and sort) as CSV or JSON, streamed page by page through
// the same keyset query as the grid, so a large table never sits in memory. CSV cells a spreadsheet
// would run as formulas are neutralised (lib/csv/export.ts); relations export their display texts.

const PAGE = 200;

function cellOf(column: TColumn, record: TRecordView): unknown {
  if (column.type === "relation") return (record.links[column.key] ?? []).map((link) => link.label).join("; ");
  const value = record.data[column.key];
  if (column.type === "auto_number" && value !== undefined) return `${column.prefix}${value}`;
  return Array.isArray(value) ? value.join("; ") : value;
}

async function* pages(companyId: string, tableKey: string, query: TRecordListQuery) {
  let cursor: string | undefined;
  do {
    const page = await listRecords(companyId, { name: tableKey }, { ...query, limit: PAGE, cursor });
    yield page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

export async function exportRecords(companyId: string, tableKey: string, query: TRecordListQuery, format: "csv" | "json"): Promise<Response> {
  const table = await getTable(companyId, { name: tableKey });
  const columns = table.schema.columns;
  const encoder = new TextEncoder();
  const source = pages(companyId, tableKey, query);
  let first = true;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(format === "csv" ? `${Papa.unparse([["id", ...columns.map((column) => column.label), "createdAt", "updatedAt"]])}\r\n` : "["));
    },
    async pull(controller) {
      const next = await source.next();
      if (next.done) {
        if (format === "json") controller.enqueue(encoder.encode("]\n"));
        controller.close();
        return;
      }
      if (format === "csv") {
        const rows = next.value.map((record) => [record.id, ...columns.map((column) => neutraliseCell(cellOf(column, record))), record.createdAt.toISOString(), record.updatedAt.toISOString()]);
        if (rows.length) controller.enqueue(encoder.encode(`${Papa.unparse(rows)}\r\n`));
      } else {
        for (const record of next.value) {
          const item = { id: record.id, ...Object.fromEntries(columns.map((column) => [column.key, column.type === "relation" ? (record.links[column.key] ?? []).map((link) => link.id) : (record.data[column.key] ?? null)])), createdAt: record.createdAt, updatedAt: record.updatedAt };
          controller.enqueue(encoder.encode(`${first ? "" : ","}\n${JSON.stringify(item)}`));
          first = false;
        }
      }
    },
  });
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${table.name}-${stamp}.${format}"`,
      "cache-control": "no-store",
    },
  });
}
