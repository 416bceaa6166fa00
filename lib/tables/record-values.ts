// Record values against a table schema: the server's authority on what a record may hold. Each column
// is checked by the same value checkers as the equivalent form field (lib/forms/field-values.ts), so a
// number, an email or a date means the same thing in a form and in a table. Formulas are recomputed
// on every write and stored, so they can be filtered and sorted like any column.
import { compileExpression } from "@/lib/expressions/api";
import { formatDate, parseDateTime } from "@/lib/expressions/temporal";
import type { TInputField } from "@/lib/forms/field-types";
import { valueCheckerFor, type TValueChecker, type TValueContext } from "@/lib/forms/field-values";
import type { FieldErrors } from "@/lib/errors";
import type { TColumn, TTableSchema } from "./columns";
import { typeEnvOfColumns } from "./schema-checks";
import { isUuid } from "@/lib/ids";

export type TRecordData = Record<string, unknown>;
/** Relation values by column key: the ids of the related records (for "one", at most one). */
export type TRecordLinks = Record<string, string[]>;
export type TRecordCheck = { ok: true; data: TRecordData; links: TRecordLinks } | { ok: false; errors: FieldErrors };


/** The form field that validates a column's values; null for columns the client never writes. */
export function columnAsField(column: TColumn): TInputField | null {
  const common = { key: column.key, label: column.label };
  switch (column.type) {
    case "text":
    case "long_text":
      return { ...common, type: column.type === "text" ? "text" : "textarea", validation: { minLength: column.minLength, maxLength: column.maxLength, pattern: column.pattern, patternMessage: column.patternMessage } };
    case "email":
    case "url":
    case "phone":
      return { ...common, type: column.type };
    case "number":
      return { ...common, type: "number", validation: { min: column.min, max: column.max } };
    case "decimal":
      // A decimal is a currency without a currency: the same fixed number of places.
      return { ...common, type: "currency", currency: "XXX", decimals: Math.min(column.scale, 4), validation: { min: column.min, max: column.max } };
    case "currency":
      return { ...common, type: "currency", currency: column.currency, validation: { min: column.min, max: column.max } };
    case "boolean":
      return { ...common, type: "yes_no" };
    case "date":
      return { ...common, type: "date", validation: { min: column.min, max: column.max } };
    case "datetime":
      return { ...common, type: "datetime" };
    case "single_select":
      return { ...common, type: "dropdown", options: column.options.map((option) => ({ value: option.value, label: option.value })) };
    case "multi_select":
      return { ...common, type: "multi_select", options: column.options.map((option) => ({ value: option.value, label: option.value })) };
    case "user":
    case "department":
      return { ...common, type: column.type };
    case "file":
      return { ...common, type: "file", multiple: column.maxFiles > 1, validation: { maxFiles: column.maxFiles } };
    case "relation":
    case "auto_number":
    case "formula":
      return null;
  }
}

const isBlank = (value: unknown) => value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0);

/** Datetimes are stored as UTC ISO text, so text order is time order (and the index can use it). */
export function normaliseValue(column: TColumn, value: unknown): unknown {
  if (column.type === "datetime" && typeof value === "string") return parseDateTime(value)?.toISOString() ?? value;
  return value;
}

function relationIds(column: Extract<TColumn, { type: "relation" }>, raw: unknown): string[] | string {
  if (raw === null || raw === undefined || raw === "") return [];
  const list = Array.isArray(raw) ? raw : [raw];
  if (!list.every((id) => typeof id === "string" && isUuid(id))) return `${column.label} must name records of the related table`;
  const ids = [...new Set(list as string[])];
  if (column.cardinality === "one" && ids.length > 1) return `${column.label} links to at most one record`;
  if (ids.length > 1_000) return `${column.label} links to at most 1,000 records`;
  return ids;
}

export type TCompiledTable = {
  columns: readonly TColumn[];
  checkers: ReadonlyMap<string, TValueChecker>;
  formulas: ReadonlyArray<{ key: string; isDate: boolean; evaluate: (data: unknown) => unknown }>;
};

/** Compiles a table's checkers and formulas once (cache it with the schema). */
export function compileTable(schema: TTableSchema): TCompiledTable {
  const checkers = new Map<string, TValueChecker>();
  for (const column of schema.columns) {
    const field = columnAsField(column);
    if (field) checkers.set(column.key, valueCheckerFor(field));
  }
  const env = typeEnvOfColumns(schema.columns);
  const formulas: { key: string; isDate: boolean; evaluate: (data: unknown) => unknown }[] = [];
  for (const column of schema.columns) {
    if (column.type !== "formula") continue;
    const compiled = compileExpression(column.source, env);
    // A saved schema's formulas type-check (schema-checks.ts); one that no longer does stores null.
    formulas.push({ key: column.key, isDate: compiled.ok && compiled.type.kind === "date", evaluate: compiled.ok ? (data) => compiled.evaluate(data) : () => null });
  }
  return { columns: schema.columns, checkers, formulas };
}

function storeFormulas(table: TCompiledTable, data: TRecordData): void {
  for (const formula of table.formulas) {
    const value = formula.evaluate(data);
    const stored = value instanceof Date ? (formula.isDate ? formatDate(value) : value.toISOString()) : typeof value === "number" && !Number.isFinite(value) ? null : value;
    if (stored === null || stored === undefined) delete data[formula.key];
    else data[formula.key] = stored;
  }
}

/**
 * Checks a whole new record (`mode: "create"`: defaults fill what is missing, required columns must
 * have a value) or a patch of an existing one (`mode: "update"`: only the columns sent are checked and
 * changed; `current` is the stored data). Unknown and system-written columns are refused by name.
 */
export function checkRecordValues(table: TCompiledTable, raw: unknown, mode: { kind: "create" } | { kind: "update"; current: TRecordData }, context: TValueContext = {}): TRecordCheck {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return { ok: false, errors: { "": ["A record must be an object of column values"] } };
  const input = raw as Record<string, unknown>;
  const errors: FieldErrors = {};
  const add = (key: string, message: string) => (errors[key] ??= []).push(message);
  const byKey = new Map(table.columns.map((column) => [column.key, column]));
  for (const key of Object.keys(input)) {
    const column = byKey.get(key);
    if (!column) add(key, `There is no column "${key.slice(0, 60)}"`);
    else if (column.type === "auto_number" || column.type === "formula") add(key, `${column.label} is filled in automatically`);
  }

  const data: TRecordData = mode.kind === "update" ? { ...mode.current } : {};
  const links: TRecordLinks = {};
  for (const column of table.columns) {
    const sent = Object.hasOwn(input, column.key);
    if (mode.kind === "update" && !sent) continue;
    let value = sent ? input[column.key] : undefined;
    if (!sent && "default" in column && column.default !== undefined) value = column.default;

    if (column.type === "relation") {
      const ids = relationIds(column, value);
      if (typeof ids === "string") add(column.key, ids);
      else if (column.required && ids.length === 0) add(column.key, `${column.label} is required`);
      else if (sent || mode.kind === "create") links[column.key] = ids;
      continue;
    }
    const checker = table.checkers.get(column.key);
    if (!checker) continue;
    const checked = checker(value, context);
    if (!checked.ok) {
      add(column.key, checked.message);
      continue;
    }
    if (isBlank(checked.value)) {
      if (column.required) add(column.key, `${column.label} is required`);
      delete data[column.key];
    } else data[column.key] = normaliseValue(column, checked.value);
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  storeFormulas(table, data);
  return { ok: true, data, links };
}

/** The columns whose stored value differs between two versions of a record's data. */
export function changedColumns(before: TRecordData, after: TRecordData): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}
