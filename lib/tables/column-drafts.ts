// The designer's editing model of a column, pure so it is unit-tested: a new column of a type with
// the settings that type needs, retyping that keeps what still applies (key, label, flags), and the
// words the change preview uses. Client-safe (no I/O).
import { COLUMN_TYPE_LABELS, type TColumnType } from "./columns";
import type { TColumnChange } from "./schema-change";

/** A column as the designer edits it: the stored shape, loosely typed while it is being changed. */
export type TColumnDraft = { key: string; label: string; type: TColumnType } & Record<string, unknown>;

const BASE_FIELDS = ["key", "label", "description", "hidden", "indexed"] as const;
/** Types whose schema fixes required/unique to false (the UI hides those switches). */
const NO_REQUIRED = new Set<TColumnType>(["boolean", "auto_number", "formula"]);
const NO_UNIQUE = new Set<TColumnType>(["boolean", "auto_number", "formula", "multi_select", "relation", "file"]);

export const canBeRequired = (type: TColumnType) => !NO_REQUIRED.has(type);
export const canBeUnique = (type: TColumnType) => !NO_UNIQUE.has(type);

/** The settings a new column of `type` starts with (those its schema requires, with sensible values). */
function typeDefaults(type: TColumnType, context: { defaultTableId?: string }): Record<string, unknown> {
  switch (type) {
    case "decimal":
      return { scale: 2 };
    case "currency":
      return { currency: "EUR" };
    case "single_select":
    case "multi_select":
      return { options: [] };
    case "relation":
      return { tableId: context.defaultTableId ?? "", cardinality: "one" };
    case "file":
      return { maxFiles: 1 };
    case "auto_number":
      return { prefix: "" };
    case "formula":
      return { source: "" };
    default:
      return {};
  }
}

export function newColumn(input: { key: string; label: string; type: TColumnType; defaultTableId?: string }): TColumnDraft {
  return { key: input.key, label: input.label, type: input.type, hidden: false, indexed: true, ...(canBeRequired(input.type) ? { required: false } : {}), ...typeDefaults(input.type, input) };
}

/**
 * The column with another type: identity and display settings stay (a retype never moves data to
 * another key), required/unique stay where the new type allows them, options survive a switch
 * between the two select types; settings the new type does not have are dropped.
 */
export function retypeColumn(column: TColumnDraft, type: TColumnType, context: { defaultTableId?: string } = {}): TColumnDraft {
  const next: TColumnDraft = { ...newColumn({ key: column.key, label: column.label, type, ...context }) };
  for (const field of BASE_FIELDS) if (column[field] !== undefined) (next as Record<string, unknown>)[field] = column[field];
  if (canBeRequired(type) && column.required === true) next.required = true;
  if (canBeUnique(type) && column.unique === true) next.unique = true;
  const selects = new Set<TColumnType>(["single_select", "multi_select"]);
  if (selects.has(type) && selects.has(column.type) && Array.isArray(column.options)) next.options = column.options;
  return next;
}

/** A setting's new value: an empty input removes the setting (so the schema's default applies). */
export function withSetting(column: TColumnDraft, name: string, value: unknown): TColumnDraft {
  const next = { ...column };
  if (value === undefined || value === "" || (typeof value === "number" && Number.isNaN(value))) delete next[name];
  else next[name] = value;
  return next;
}

export type TConversionSummary = { key: string; label: string; convertible: number; failing: number; samples: { recordId: string; value: unknown; message: string }[] };

const count = (n: number) => n.toLocaleString("en-US");
const records = (n: number) => `${count(n)} ${n === 1 ? "record" : "records"}`;
const shown = (value: unknown) => (value === undefined || value === null ? "empty" : `'${typeof value === "string" ? value : JSON.stringify(value)}'`);

/**
 * One sentence per change that touches existing rows, e.g. "Changing Price from Text to Number:
 * 1,180 records convert, 20 cannot (e.g. row 3f2a…: 'abc' — Price must be a number)."
 */
export function describeChange(change: TColumnChange, conversion: TConversionSummary | undefined, liveRows: number): string | null {
  const failures = (summary: TConversionSummary) => {
    if (summary.failing === 0) return "";
    const example = summary.samples[0];
    return `, ${count(summary.failing)} cannot${example ? ` (e.g. row ${example.recordId.slice(0, 8)}: ${shown(example.value)} — ${example.message})` : ""}`;
  };
  switch (change.kind) {
    case "retyped":
      if (!conversion) return null;
      return `Changing ${change.label} from ${COLUMN_TYPE_LABELS[change.from]} to ${COLUMN_TYPE_LABELS[change.to]}: ${records(conversion.convertible)} ${conversion.convertible === 1 ? "converts" : "convert"}${failures(conversion)}.`;
    case "now_required":
      if (!conversion) return null;
      return `Making ${change.label} required: ${records(conversion.convertible)} ${conversion.convertible === 1 ? "has" : "have"} a value${failures(conversion)}.`;
    case "removed":
      return liveRows > 0 ? `Removing ${change.label} deletes its values in ${records(liveRows)}.` : null;
    default:
      return null;
  }
}
