// The records grid's query, as SQL built from a table schema: per-column filters by type combined
// with AND/OR, quick search over text columns, sort by any column with keyset (cursor) pagination.
// Pure (no I/O): values travel as bind parameters; column expressions come from storage.ts so they
// match the per-table indexes. Bad filters are a VALIDATION error naming the condition.
import { OPS_BY_KIND, type TFilterOp, type TRecordListQuery } from "./filter-ops";
import { AppError, type FieldErrors } from "@/lib/errors";
import type { TColumn, TTableSchema } from "./columns";
import { sortSql, valueSql } from "./storage";
import { valueKind, type TValueKind } from "./value-kind";
import { isUuid } from "@/lib/ids";

export { FILTER_OPS, OPS_BY_KIND, SYSTEM_SORTS, ZFilterCondition, ZRecordFilter, ZRecordListQuery, type TFilterOp, type TRecordFilter, type TRecordListQuery } from "./filter-ops";

class Params {
  readonly values: unknown[] = [];
  add(value: unknown, cast: string): string {
    this.values.push(value);
    return `$${this.values.length}${cast}`;
  }
}

const likeEscape = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);
const quoteLiteral = (text: string) => `'${text.replace(/'/g, "''")}'`;

function scalar(kind: TValueKind, raw: unknown): { ok: true; value: unknown } | { ok: false; message: string } {
  if (kind === "number") {
    const value = typeof raw === "string" && raw.trim() !== "" ? Number(raw) : raw;
    return typeof value === "number" && Number.isFinite(value) ? { ok: true, value } : { ok: false, message: "Enter a number" };
  }
  if (kind === "boolean") return typeof raw === "boolean" ? { ok: true, value: raw } : { ok: false, message: "Choose yes or no" };
  return typeof raw === "string" && raw.length <= 1_000 && raw !== "" ? { ok: true, value: raw } : { ok: false, message: "Enter a value" };
}

function conditionSql(column: TColumn, kind: TValueKind, op: TFilterOp, value: unknown, to: unknown, params: Params): string | string[] {
  const expr = valueSql(column.key, kind);
  const cast = kind === "number" ? "::numeric" : kind === "boolean" ? "::boolean" : "::text";
  const keyLiteral = quoteLiteral(column.key);
  if (op === "is_empty" || op === "is_not_empty") {
    const empty = kind === "relation" ? `NOT EXISTS (SELECT 1 FROM record_links l WHERE l."fromRecordId" = r.id AND l."columnKey" = ${keyLiteral})` : kind === "list" ? `NOT (r.data ? ${keyLiteral})` : `${expr} IS NULL`;
    return op === "is_empty" ? empty : `NOT (${empty})`;
  }
  if (kind === "relation") {
    if (typeof value !== "string" || !isUuid(value)) return ["Choose a record"];
    return `EXISTS (SELECT 1 FROM record_links l WHERE l."fromRecordId" = r.id AND l."columnKey" = ${keyLiteral} AND l."toRecordId" = ${params.add(value, "::uuid")})`;
  }
  if (op === "in" || op === "not_in" || op === "has_any" || op === "has_all") {
    if (!Array.isArray(value) || value.length === 0 || value.length > 500 || !value.every((item) => typeof item === "string")) return ["Choose at least one value"];
    const list = params.add(value, "::text[]");
    if (op === "in") return `${expr} = ANY(${list})`;
    if (op === "not_in") return `(${expr} IS NULL OR NOT (${expr} = ANY(${list})))`;
    return `${expr} ${op === "has_any" ? "?|" : "?&"} ${list}`;
  }
  const first = scalar(kind, value);
  if (!first.ok) return [first.message];
  if (op === "contains" || op === "not_contains" || op === "starts_with") {
    const pattern = op === "starts_with" ? `${likeEscape(String(first.value))}%` : `%${likeEscape(String(first.value))}%`;
    const like = `${expr} ILIKE ${params.add(pattern, "::text")}`;
    return op === "not_contains" ? `(${expr} IS NULL OR NOT (${like}))` : like;
  }
  if (op === "is") return first.value === true ? `${expr} IS TRUE` : `${expr} IS NOT TRUE`;
  if (op === "between") {
    const second = scalar(kind, to);
    if (!second.ok) return [`Upper bound: ${second.message.toLowerCase()}`];
    return `${expr} BETWEEN ${params.add(first.value, cast)} AND ${params.add(second.value, cast)}`;
  }
  const operator = { equals: "=", not_equals: "IS DISTINCT FROM", gt: ">", gte: ">=", lt: "<", lte: "<=" }[op as "equals"];
  return `${expr} ${operator} ${params.add(first.value, cast)}`;
}

export type TSortKey = { expr: string; kind: TValueKind | "timestamp"; column: string };

/** The ORDER BY expression of a sort key (a column or a system column). */
export function sortKeyOf(schema: TTableSchema, sort: string): TSortKey | null {
  if (sort === "createdAt" || sort === "updatedAt") return { expr: `r."${sort}"`, kind: "timestamp", column: sort };
  const column = schema.columns.find((candidate) => candidate.key === sort);
  if (!column) return null;
  const kind = valueKind(column, schema);
  if (kind === "list" || kind === "relation" || kind === "none") return null;
  return { expr: sortSql(column.key, kind), kind, column: column.key };
}

export type TRecordCursor = { v: string | number | boolean | null; id: string };

export function encodeCursor(cursor: TRecordCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

export function decodeCursor(text: string): TRecordCursor | null {
  try {
    const parsed = JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as TRecordCursor;
    if (typeof parsed !== "object" || parsed === null || typeof parsed.id !== "string" || !isUuid(parsed.id)) return null;
    if (parsed.v !== null && !["string", "number", "boolean"].includes(typeof parsed.v)) return null;
    return parsed;
  } catch {
    return null;
  }
}

export type TRecordStatements = {
  /** Up to two statements run in order until `limit` rows are found (keyset pages around NULLs). */
  pages: { text: string; values: unknown[] }[];
  count: { text: string; values: unknown[] };
  sort: TSortKey;
};

export const COUNT_CAP = 1_000;

/**
 * Builds the statements of one page. Ordering is (value, id) ascending with empty values last, or the
 * exact reverse, so that each part is one range scan of the per-table (value, id) index.
 */
export function buildRecordQuery(companyId: string, tableId: string, schema: TTableSchema, query: TRecordListQuery): TRecordStatements {
  if (!isUuid(tableId) || !isUuid(companyId)) throw new Error("buildRecordQuery: bad ids");
  const errors: FieldErrors = {};
  const params = new Params();
  // The table id is a literal (a validated uuid) so the planner can match the partial indexes.
  const base = [`r."tableId" = ${quoteLiteral(tableId)}`, `r."companyId" = ${quoteLiteral(companyId)}`, `r."deletedAt" IS ${query.trash ? "NOT NULL" : "NULL"}`];

  const parts: string[] = [];
  (query.filter?.conditions ?? []).forEach((condition, index) => {
    const at = `filter.conditions.${index}`;
    const column = schema.columns.find((candidate) => candidate.key === condition.column);
    if (!column) return void (errors[`${at}.column`] = [`There is no column "${condition.column}"`]);
    const kind = valueKind(column, schema);
    if (!OPS_BY_KIND[kind].includes(condition.op)) return void (errors[`${at}.op`] = [`${column.label} cannot be filtered with "${condition.op.replace(/_/g, " ")}"`]);
    const sql = conditionSql(column, kind, condition.op, condition.value, condition.to, params);
    if (Array.isArray(sql)) errors[`${at}.value`] = sql;
    else parts.push(sql);
  });
  if (parts.length) base.push(parts.length === 1 ? parts[0]! : `(${parts.join(query.filter?.match === "any" ? " OR " : " AND ")})`);
  if (query.q) {
    const searchable = schema.columns.filter((column) => ["text", "long_text"].includes(valueKind(column, schema)));
    if (searchable.length) {
      const pattern = params.add(`%${likeEscape(query.q)}%`, "::text");
      base.push(`(${searchable.map((column) => `${valueSql(column.key, valueKind(column, schema))} ILIKE ${pattern}`).join(" OR ")})`);
    } else base.push("false");
  }
  const sort = sortKeyOf(schema, query.sort);
  if (!sort) errors.sort = [`Records cannot be sorted by "${query.sort}"`];
  const cursor = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  if (cursor === null) errors.cursor = ["This page link is no longer valid; start from the first page"];
  if (Object.keys(errors).length) throw new AppError("VALIDATION", "The filter needs attention.", { fieldErrors: errors });

  const where = base.join(" AND ");
  const select = `SELECT r.id, r.data, r."autoNumber"::int AS "autoNumber", r.version, r."createdAt", r."updatedAt", r."deletedAt", ${sort!.expr}${sort!.kind === "timestamp" ? "::text" : ""} AS "sortValue" FROM custom_table_records r`;
  const desc = query.direction === "desc";
  const order = `ORDER BY ${sort!.expr} ${desc ? "DESC" : "ASC"}, r.id ${desc ? "DESC" : "ASC"}`;
  const cast = sort!.kind === "number" ? "::numeric" : sort!.kind === "boolean" ? "::boolean" : sort!.kind === "timestamp" ? "::timestamp" : "::text";
  const limit = query.limit + 1; // one more tells whether there is a next page
  const pages: { text: string; values: unknown[] }[] = [];
  const statement = (extra: string[], orderBy: string) => {
    const local = new Params();
    local.values.push(...params.values);
    const text = `${select} WHERE ${[where, ...extra.map((part) => part.replace(/\$CUR_V/g, () => local.add(cursor!.v, cast)).replace(/\$CUR_ID/g, () => local.add(cursor!.id, "::uuid")))].join(" AND ")} ${orderBy} LIMIT ${limit}`;
    return { text, values: local.values };
  };
  const nullsOrder = `ORDER BY r.id ${desc ? "DESC" : "ASC"}`;
  const isNull = `${sort!.expr} IS NULL`;
  const notNull = `${sort!.expr} IS NOT NULL`;
  const comparison = desc ? "<" : ">";
  if (!cursor) {
    // Ascending: values, then empties. Descending: the exact reverse.
    if (desc) pages.push(statement([isNull], nullsOrder), statement([notNull], order));
    else pages.push(statement([notNull], order), statement([isNull], nullsOrder));
  } else if (cursor.v === null) {
    pages.push(statement([isNull, `r.id ${comparison} $CUR_ID`], nullsOrder));
    if (desc) pages.push(statement([notNull], order));
  } else {
    pages.push(statement([`(${sort!.expr}, r.id) ${comparison} ($CUR_V, $CUR_ID)`], order));
    if (!desc) pages.push(statement([isNull], nullsOrder));
  }
  const count = { text: `SELECT count(*)::int AS count FROM (SELECT 1 FROM custom_table_records r WHERE ${where} LIMIT ${COUNT_CAP + 1}) capped`, values: params.values };
  return { pages, count, sort: sort! };
}
