import "server-only";
import { db } from "@/lib/db";
import type { TField, TOptionField, TOptionSource } from "@/lib/forms/field-types";
import { candidateValues, sourceKey } from "@/lib/forms/option-sources";
import { ZTableSchema } from "@/lib/tables/columns";
import { ZDatasetSections, ZDatasetVisibility } from "./schema";
import { canSeeDataset, seesAllDatasets } from "./visibility";

// Options that come from the company's data: a dataset section or a custom-table column. Resolved at
// fill time (the browser searches them) and again when a submission is judged (the server only accepts
// values that exist then). A source the filler may not read, or that no longer exists, offers nothing.

export type TOption = { value: string; label: string };
export type TOptionPage = { options: TOption[]; truncated: boolean };

/** Who reads the options (a signed-in principal fits); `systemRole: null` is the system itself. */
export type TOptionViewer = { companyId: string; systemRole: string | null; roleIds: readonly string[]; departmentId: string | null };

/** The viewer of a service call: its principal, or the system itself (timers, triggers). */
export function optionViewerOf(ctx: { companyId: string; principal: TOptionViewer | null }): TOptionViewer {
  return ctx.principal ?? { companyId: ctx.companyId, systemRole: null, roleIds: [], departmentId: null };
}

const MAX_LIMIT = 100;

async function datasetItems(principal: TOptionViewer, source: Extract<TOptionSource, { kind: "dataset" }>): Promise<TOption[]> {
  const dataset = await db.dataset.findFirst({ where: { id: source.datasetId, companyId: principal.companyId, status: "PUBLISHED" }, select: { sections: true, visibility: true } });
  if (!dataset) return [];
  const visibility = ZDatasetVisibility.safeParse(dataset.visibility).data ?? { roleIds: [], departmentIds: [] };
  if (!canSeeDataset(visibility, principal, seesAllDatasets(principal.systemRole))) return [];
  const section = (ZDatasetSections.safeParse(dataset.sections).data ?? []).find((candidate) => candidate.key === source.sectionKey);
  return section?.items ?? [];
}

/** The live table and the column's existence (a renamed/removed column offers nothing). */
async function tableColumn(companyId: string, source: Extract<TOptionSource, { kind: "table" }>): Promise<boolean> {
  const table = await db.customTable.findFirst({ where: { id: source.tableId, companyId, archivedAt: null }, select: { schema: true } });
  const columns = table ? (ZTableSchema.safeParse(table.schema).data?.columns ?? []) : [];
  return columns.some((column) => column.key === source.column);
}

/** One page of options matching `q` (case-insensitive, in the label), for the fill-time picker. */
export async function searchOptions(principal: TOptionViewer, source: TOptionSource, query: { q?: string; limit?: number } = {}): Promise<TOptionPage> {
  const limit = Math.min(Math.max(query.limit ?? 50, 1), MAX_LIMIT);
  const q = query.q?.trim().toLowerCase() ?? "";
  if (source.kind === "dataset") {
    const matches = (await datasetItems(principal, source)).filter((item) => !q || item.label.toLowerCase().includes(q));
    return { options: matches.slice(0, limit), truncated: matches.length > limit };
  }
  if (!(await tableColumn(principal.companyId, source))) return { options: [], truncated: false };
  const pattern = `%${q.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
  const rows = await db.$queryRawUnsafe<{ value: string }[]>(
    `SELECT DISTINCT data ->> $3 AS value FROM custom_table_records
      WHERE "companyId" = $1::uuid AND "tableId" = $2::uuid AND "deletedAt" IS NULL AND data ->> $3 IS NOT NULL AND data ->> $3 ILIKE $4
      ORDER BY 1 LIMIT ${limit + 1}`,
    principal.companyId,
    source.tableId,
    source.column,
    pattern,
  );
  return { options: rows.slice(0, limit).map((row) => ({ value: row.value, label: row.value })), truncated: rows.length > limit };
}

/**
 * For judging a submission: per sourced field, the values among `candidates` that the source offers
 * now (datasets: every item; tables: the candidates that exist, one query per field).
 */
export async function allowedValues(principal: TOptionViewer, fields: readonly { key: string; source: TOptionSource; candidates: readonly string[] }[]): Promise<Map<string, string[]>> {
  const allowed = new Map<string, string[]>();
  for (const field of fields) {
    if (field.source.kind === "dataset") {
      allowed.set(field.key, (await datasetItems(principal, field.source)).map((item) => item.value));
      continue;
    }
    if (!field.candidates.length || !(await tableColumn(principal.companyId, field.source))) {
      allowed.set(field.key, []);
      continue;
    }
    const rows = await db.$queryRawUnsafe<{ value: string }[]>(
      `SELECT DISTINCT data ->> $3 AS value FROM custom_table_records WHERE "companyId" = $1::uuid AND "tableId" = $2::uuid AND "deletedAt" IS NULL AND data ->> $3 = ANY($4::text[])`,
      principal.companyId,
      field.source.tableId,
      field.source.column,
      [...new Set(field.candidates)].slice(0, 1_000),
    );
    allowed.set(field.key, rows.map((row) => row.value));
  }
  return allowed;
}

/**
 * The `allowedOptions` callback for judging a submission of a form with data-backed fields: the values
 * each source offers now among those the submission picked (one lookup per distinct source).
 */
export async function allowedOptionsFor(viewer: TOptionViewer, fields: readonly TField[], raw: unknown): Promise<(field: TOptionField) => readonly string[] | null> {
  const picked = candidateValues(fields, raw);
  if (picked.size === 0) return () => null;
  const allowed = await allowedValues(viewer, [...picked].map(([key, entry]) => ({ key, source: entry.source, candidates: entry.candidates })));
  return (field) => (field.source ? (allowed.get(sourceKey(field.source)) ?? []) : null);
}
