// Invariants across the columns of one table, checked whenever a table schema is saved: keys are
// unique, min ≤ max, patterns are safe, options are distinct, formulas type-check over the other
// columns, and relation targets exist in the same company. Problems are keyed by path
// ("columns.2.source") so the designer can point at the offending input.
import { checkExpression } from "@/lib/expressions/api";
import { fieldsUsed } from "@/lib/expressions/analysis";
import { t, type Type, type TypeEnv } from "@/lib/expressions/types";
import { typeToString } from "@/lib/expressions/type-rules";
import { patternProblem } from "@/lib/forms/pattern";
import { ZTableSchema, type TColumn, type TTableSchema } from "./columns";
import type { FieldErrors } from "@/lib/errors";

const SCALAR: Partial<Record<TColumn["type"], Type>> = {
  text: t.string, long_text: t.string, email: t.string, url: t.string, phone: t.string,
  number: t.number, decimal: t.number, currency: t.number, auto_number: t.number,
  boolean: t.boolean, date: t.date, datetime: t.datetime, user: t.string, department: t.string,
  file: t.list(t.string),
};

/** The expression type of a column's value (formulas: unknown until checked, see typeEnvOfColumns). */
export function typeOfColumn(column: TColumn): Type {
  switch (column.type) {
    case "single_select":
      return t.options(column.options.map((option) => option.value));
    case "multi_select":
      return t.list(t.options(column.options.map((option) => option.value)));
    case "relation":
      return column.cardinality === "one" ? t.string : t.list(t.string);
    case "formula":
      return t.unknown;
    default:
      return SCALAR[column.type] ?? t.unknown;
  }
}

/** What a formula (or a trigger condition on a row event) may read: every non-formula column. */
export function typeEnvOfColumns(columns: readonly TColumn[]): TypeEnv {
  const env: Record<string, Type> = {};
  for (const column of columns) if (column.type !== "formula") env[column.key] = typeOfColumn(column);
  return env;
}

/** The result type of each formula column (after checking), by key. */
export function formulaTypes(columns: readonly TColumn[]): Map<string, Type> {
  const env = typeEnvOfColumns(columns);
  const types = new Map<string, Type>();
  for (const column of columns) {
    if (column.type !== "formula") continue;
    const checked = checkExpression(column.source, env);
    if (checked.ok) types.set(column.key, checked.type);
  }
  return types;
}

const FORMULA_RESULTS = new Set(["number", "string", "boolean", "date", "datetime"]);

/**
 * Checks the cross-column rules; `relatedTables` maps the ids of tables this company owns to their
 * column keys (for relation targets and display columns). Returns field errors, empty when valid.
 */
export function checkTableSchema(schema: TTableSchema, relatedTables: ReadonlyMap<string, readonly string[]>): FieldErrors {
  const errors: FieldErrors = {};
  const add = (path: string, message: string) => (errors[path] ??= []).push(message);
  const seen = new Map<string, number>();
  const env = typeEnvOfColumns(schema.columns);

  const autoNumbers = schema.columns.filter((column) => column.type === "auto_number");
  if (autoNumbers.length > 1) add(`columns.${schema.columns.lastIndexOf(autoNumbers[1]!)}.type`, "A table has at most one auto-number column");

  schema.columns.forEach((column, index) => {
    const at = (name: string) => `columns.${index}.${name}`;
    const first = seen.get(column.key);
    if (first !== undefined) add(at("key"), `The key "${column.key}" is already used by column ${first + 1}`);
    else seen.set(column.key, index);

    if ("min" in column && "max" in column && column.min !== undefined && column.max !== undefined && column.min > column.max) add(at("max"), "The maximum is below the minimum");
    if ("minLength" in column && column.minLength !== undefined && column.maxLength !== undefined && column.minLength > column.maxLength) add(at("maxLength"), "The maximum length is below the minimum");
    if ("pattern" in column && column.pattern) {
      const problem = patternProblem(column.pattern);
      if (problem) add(at("pattern"), problem);
    }
    if (column.type === "single_select" || column.type === "multi_select") {
      const values = new Set<string>();
      for (const option of column.options) {
        if (values.has(option.value)) add(at("options"), `The option "${option.value}" is listed twice`);
        values.add(option.value);
      }
      const defaults = column.default === undefined ? [] : Array.isArray(column.default) ? column.default : [column.default];
      for (const value of defaults) if (!values.has(value)) add(at("default"), `The default "${value}" is not one of the options`);
    }
    if (column.type === "relation") {
      const target = relatedTables.get(column.tableId);
      if (!target) add(at("tableId"), "The related table does not exist");
      else if (column.displayColumn && !target.includes(column.displayColumn)) add(at("displayColumn"), `The related table has no column "${column.displayColumn}"`);
    }
    if (column.type === "formula") {
      const checked = checkExpression(column.source, env);
      if (!checked.ok) {
        add(at("source"), checked.diagnostics.map((diagnostic) => diagnostic.message).join("; "));
      } else {
        if (!FORMULA_RESULTS.has(checked.type.kind)) add(at("source"), `A formula must give a number, text, yes/no, date or date-time, not ${typeToString(checked.type)}`);
        const used = fieldsUsed(checked.ast);
        if (used.has(column.key)) add(at("source"), "A formula cannot use its own value");
      }
    }
  });
  return errors;
}

/** Parses and checks a schema; returns it with defaults applied, or the field errors. */
export function parseTableSchema(raw: unknown, relatedTables: ReadonlyMap<string, readonly string[]>): { ok: true; schema: TTableSchema } | { ok: false; errors: FieldErrors } {
  const parsed = ZTableSchema.safeParse(raw);
  if (!parsed.success) {
    const errors: FieldErrors = {};
    for (const issue of parsed.error.issues) (errors[issue.path.map(String).join(".")] ??= []).push(issue.message);
    return { ok: false, errors };
  }
  const errors = checkTableSchema(parsed.data, relatedTables);
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, schema: parsed.data };
}
