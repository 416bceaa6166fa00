import "server-only";
import type { Principal } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { ZTableSchema } from "@/lib/tables/columns";
import { valueKind } from "@/lib/tables/storage";
import { listDatasets } from "./queries";

// What a form designer can take a choice field's options from: the sections of published datasets
// the designer may see, and the text-like columns of the company's tables.

export type TOptionSources = {
  datasets: { id: string; name: string; sections: { key: string; title: string; items: number }[] }[];
  tables: { id: string; displayName: string; columns: { key: string; label: string }[] }[];
};

export async function listOptionSources(principal: Principal): Promise<TOptionSources> {
  const datasets = (await listDatasets(principal)).filter((dataset) => dataset.status === "PUBLISHED");
  const tables = await db.customTable.findMany({ where: { companyId: principal.companyId, archivedAt: null }, orderBy: { displayName: "asc" }, select: { id: true, displayName: true, schema: true } });
  return {
    datasets: datasets.map((dataset) => ({ id: dataset.id, name: dataset.name, sections: dataset.sections.map((section) => ({ key: section.key, title: section.title, items: section.items.length })) })),
    tables: tables.flatMap((table) => {
      const schema = ZTableSchema.safeParse(table.schema).data;
      if (!schema) return [];
      const columns = schema.columns.filter((column) => ["text", "ordered_text"].includes(valueKind(column, schema)) && !["date", "datetime", "user", "department"].includes(column.type));
      return columns.length ? [{ id: table.id, displayName: table.displayName, columns: columns.map((column) => ({ key: column.key, label: column.label })) }] : [];
    }),
  };
}
