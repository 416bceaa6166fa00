// Fields whose options come from the company's data (a dataset section or a table column, see
// lib/datasets/options.ts): which they are, and which values a submission picked for them, so the
// server can ask the source once per submission which of those values exist now.
import type { TField, TOptionSource } from "./field-types";

/** One id per distinct source: fields sharing a source share one lookup. */
export function sourceKey(source: TOptionSource): string {
  return source.kind === "dataset" ? `dataset:${source.datasetId}:${source.sectionKey}` : `table:${source.tableId}:${source.column}`;
}

type Sourced = { key: string; source: TOptionSource; group?: string };

/** The fields (and repeating-group sub-fields) with a data source. */
export function sourcedFields(fields: readonly TField[]): Sourced[] {
  const found: Sourced[] = [];
  for (const field of fields) {
    if ("source" in field && field.source) found.push({ key: field.key, source: field.source });
    if (field.type === "repeating_group") for (const sub of field.fields) if ("source" in sub && sub.source) found.push({ key: sub.key, source: sub.source, group: field.key });
  }
  return found;
}

const strings = (value: unknown): string[] => (typeof value === "string" ? [value] : Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : []);

/** Per source: the string values the raw submission holds in its fields (groups: every row). */
export function candidateValues(fields: readonly TField[], raw: unknown): Map<string, { source: TOptionSource; candidates: string[] }> {
  const result = new Map<string, { source: TOptionSource; candidates: string[] }>();
  if (typeof raw !== "object" || raw === null) return result;
  const data = raw as Record<string, unknown>;
  for (const field of sourcedFields(fields)) {
    const values = field.group
      ? (Array.isArray(data[field.group]) ? (data[field.group] as unknown[]) : []).flatMap((row) => (typeof row === "object" && row !== null ? strings((row as Record<string, unknown>)[field.key]) : []))
      : strings(data[field.key]);
    const id = sourceKey(field.source);
    const entry = result.get(id) ?? { source: field.source, candidates: [] };
    entry.candidates.push(...values.slice(0, 1_000));
    result.set(id, entry);
  }
  return result;
}
