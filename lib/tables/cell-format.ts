// How the records grid and the record page show a stored value as text, and what an inline editor
// starts from. Pure and client-safe; the server stays the judge of what a typed value means.
import type { TColumn } from "./columns";

export type TNames = { users: ReadonlyMap<string, string>; departments: ReadonlyMap<string, string> };

const NUMBER = new Intl.NumberFormat("en-US", { maximumFractionDigits: 10 });

/** The text a cell shows for a stored value ("" when empty). Relations are shown from their links. */
export function formatValue(column: TColumn, value: unknown, names?: TNames): string {
  if (value === undefined || value === null || value === "") return "";
  switch (column.type) {
    case "number":
      return typeof value === "number" ? NUMBER.format(value) : String(value);
    case "decimal":
      return typeof value === "number" ? value.toLocaleString("en-US", { minimumFractionDigits: column.scale, maximumFractionDigits: column.scale }) : String(value);
    case "currency":
      return typeof value === "number" ? `${value.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 4 })} ${column.currency}` : String(value);
    case "boolean":
      return value === true ? "Yes" : value === false ? "No" : String(value);
    case "datetime":
      return typeof value === "string" ? `${value.replace("T", " ").slice(0, 16)} UTC` : String(value);
    case "auto_number":
      return `${column.prefix}${String(value)}`;
    case "user":
      return names?.users.get(String(value)) ?? String(value);
    case "department":
      return names?.departments.get(String(value)) ?? String(value);
    default:
      return Array.isArray(value) ? value.map(String).join(", ") : typeof value === "object" ? JSON.stringify(value) : String(value);
  }
}

/** Columns a person may type into (relations are picked, computed columns and files are not typed). */
export function isInlineEditable(column: TColumn): boolean {
  return !["auto_number", "formula", "file", "relation"].includes(column.type);
}

/** The editor's starting value for a stored value: text for inputs, the value itself otherwise. */
export function editorValue(column: TColumn, value: unknown): unknown {
  if (column.type === "boolean" || column.type === "multi_select") return value ?? (column.type === "multi_select" ? [] : null);
  return value === undefined || value === null ? "" : String(value);
}
