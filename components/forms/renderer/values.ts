import type { FieldErrors } from "react-hook-form";
import type { TFormDefinition } from "@/lib/forms/definition";
import type { TField, TSubField } from "@/lib/forms/field-types";

// Pure helpers of the runtime form: initial values per field type, DOM ids, and flattening
// react-hook-form's nested errors into a list for the error summary.

type AnyField = TField | TSubField;

/** The value a control starts with when nothing is stored: its default, else the type's "empty". */
export function emptyValue(field: AnyField): unknown {
  if ("defaultValue" in field && field.defaultValue !== undefined) return field.defaultValue;
  switch (field.type) {
    case "multi_select":
    case "checkbox_group":
    case "file":
      return [];
    case "yes_no":
    case "rating":
      return null;
    default:
      return "";
  }
}

export function emptyRow(fields: readonly TSubField[]): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const field of fields) if (field.type !== "calculated") row[field.key] = emptyValue(field);
  return row;
}

/** Initial values: stored ones where given (e.g. a failed submit being retried), else defaults. */
export function initialValuesFor(definition: TFormDefinition, given: Record<string, unknown> = {}): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of definition.fields) {
    if (field.type === "section" || field.type === "calculated") continue;
    const stored = Object.hasOwn(given, field.key) ? given[field.key] : undefined;
    if (field.type === "repeating_group") {
      const minRows = field.validation?.minRows ?? 0;
      const rows = Array.isArray(stored) ? stored.map((row) => ({ ...emptyRow(field.fields), ...(row as object) })) : [];
      while (rows.length < Math.max(minRows, 0)) rows.push(emptyRow(field.fields));
      values[field.key] = rows;
    } else values[field.key] = stored ?? emptyValue(field);
  }
  return values;
}

export const domId = (path: string) => `field-${path.replace(/[^a-zA-Z0-9_-]/g, "-")}`;

export type TErrorItem = { path: string; message: string };

/** Every message in react-hook-form's errors, with its dotted path, in form order. */
export function flattenErrors(errors: FieldErrors, prefix = ""): TErrorItem[] {
  const items: TErrorItem[] = [];
  for (const [key, value] of Object.entries(errors)) {
    if (!value || key === "ref" || key === "types") continue;
    const path = prefix ? (key === "" ? prefix : `${prefix}.${key}`) : key;
    const node = value as { message?: unknown; type?: unknown };
    if (typeof node.message === "string" && node.message) items.push({ path, message: node.message });
    if (typeof value === "object") {
      const nested = Object.fromEntries(Object.entries(value).filter(([childKey]) => !["message", "type", "ref", "types", "root"].includes(childKey)));
      items.push(...flattenErrors(nested as FieldErrors, path));
      const root = (value as { root?: { message?: string } }).root;
      if (root?.message) items.push({ path, message: root.message });
    }
  }
  return items;
}

export function formatNumber(value: unknown, decimals?: number): string {
  if (typeof value !== "number") return value === undefined || value === null ? "" : String(value);
  return value.toLocaleString(undefined, decimals === undefined ? { maximumFractionDigits: 6 } : { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${Math.round(size / 1024)} KB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}
