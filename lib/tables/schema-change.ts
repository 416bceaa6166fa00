// What a new column list does to the rows a table already has: which columns are added, removed,
// retyped or newly required, and for retyped/required columns how many live rows convert cleanly.
// Pure: the service feeds it the stored values, shows the preview, and applies it in one transaction.
import type { TColumn, TTableSchema } from "./columns";
import { columnAsField, normaliseValue, type TRecordData } from "./record-values";
import { valueCheckerFor } from "@/lib/forms/field-values";

export type TColumnChange =
  | { kind: "added"; key: string }
  | { kind: "removed"; key: string; label: string }
  | { kind: "retyped"; key: string; label: string; from: TColumn["type"]; to: TColumn["type"] }
  | { kind: "now_required"; key: string; label: string };

export function columnChanges(before: TTableSchema, after: TTableSchema): TColumnChange[] {
  const old = new Map(before.columns.map((column) => [column.key, column]));
  const next = new Map(after.columns.map((column) => [column.key, column]));
  const changes: TColumnChange[] = [];
  for (const column of after.columns) {
    const previous = old.get(column.key);
    if (!previous) changes.push({ kind: "added", key: column.key });
    else {
      if (previous.type !== column.type) changes.push({ kind: "retyped", key: column.key, label: column.label, from: previous.type, to: column.type });
      if (column.required && !previous.required) changes.push({ kind: "now_required", key: column.key, label: column.label });
    }
  }
  for (const column of before.columns) if (!next.has(column.key)) changes.push({ kind: "removed", key: column.key, label: column.label });
  return changes;
}

const TEXT_TYPES = new Set(["text", "long_text", "email", "url", "phone", "single_select", "date", "datetime", "user", "department"]);

/** Best-effort reshaping before the new type's checker judges a value (e.g. 12 → "12", "a" → ["a"]). */
function reshape(value: unknown, to: TColumn): unknown {
  if (value === undefined || value === null) return value;
  if (to.type === "multi_select" || to.type === "file") return Array.isArray(value) ? value : [value];
  if (Array.isArray(value)) {
    if (value.length === 1) return reshape(value[0], to);
    if (TEXT_TYPES.has(to.type) && to.type !== "single_select") return value.join(", ");
    return value;
  }
  if (TEXT_TYPES.has(to.type) && (typeof value === "number" || typeof value === "boolean")) return String(value);
  if (to.type === "boolean" && typeof value === "string") return value === "true" ? true : value === "false" ? false : value;
  return value;
}

export type TConversion = { converted: Map<string, unknown>; failures: { recordId: string; value: unknown; message: string }[] };

/**
 * Converts one column's stored values to a column definition: every value is judged by the new
 * column's checker, as if it had been entered now. `converted` holds the new value of each row that
 * converts (undefined = now empty); `failures` the rest with the reason.
 */
export function convertColumn(to: TColumn, rows: readonly { id: string; data: TRecordData }[]): TConversion {
  const field = columnAsField(to);
  const converted = new Map<string, unknown>();
  const failures: TConversion["failures"] = [];
  if (!field) return { converted, failures };
  const check = valueCheckerFor(field);
  for (const row of rows) {
    const value = reshape(row.data[to.key], to);
    const checked = check(value, {});
    if (!checked.ok) failures.push({ recordId: row.id, value: row.data[to.key], message: checked.message });
    else if (checked.value === undefined && to.required) failures.push({ recordId: row.id, value: row.data[to.key], message: `${to.label} is required` });
    else converted.set(row.id, checked.value === undefined ? undefined : normaliseValue(to, checked.value));
  }
  return { converted, failures };
}
