// How a custom table's values sit in PostgreSQL and which indexes make them fast. Records keep their
// values in one JSONB document (`custom_table_records.data`); a table gets its own PARTIAL expression
// indexes (WHERE "tableId" = '<id>' AND "deletedAt" IS NULL) for the columns marked `indexed`:
//   - numbers:      btree on ((data->>'k')::numeric, id)  → ranges and sorting
//   - text-like:    btree on (left(data->>'k', 200), id) and a trigram GIN → equality, sorting,
//                   "contains" (a btree entry must stay under ≈2.7 kB, so sorting uses the first 200
//                   characters; long text gets only the trigram index)
//   - dates:        btree on ((data->>'k'), id); dates are ISO text and datetimes UTC ISO text, so
//                   text order is time order (a ::date cast is not immutable and cannot be indexed)
//   - multi-values: GIN on (data->'k') → "has any / has all"
//   - relations:    record_links(toRecordId, columnKey) (one index for every table)
// A unique column gets a UNIQUE partial index (text: on its md5), so uniqueness holds under concurrency.
// Per-table partial indexes keep each index small and let the planner use them only for that table;
// queries therefore name the table id as a literal (a generic plan with a parameter could not prove
// the index predicate). Measured figures: bench/tables.ts and the README.
import { createHash } from "node:crypto";
import type { TColumn, TTableSchema } from "./columns";
import { valueKind, type TValueKind } from "./value-kind";

export { valueKind, type TValueKind } from "./value-kind";

const quoteLiteral = (text: string) => `'${text.replace(/'/g, "''")}'`;

/**
 * The SQL expression of a column's scalar value over the alias `r` (keys are validated identifiers,
 * quoted as literals anyway). Filters, sorting and index definitions all use this one function, so
 * the expressions match character for character and the planner can use the indexes.
 */
export function valueSql(key: string, kind: TValueKind, alias = "r"): string {
  const text = `(${alias}.data ->> ${quoteLiteral(key)})`;
  if (kind === "number") return `(${text}::numeric)`;
  if (kind === "boolean") return `(${text}::boolean)`;
  if (kind === "list") return `(${alias}.data -> ${quoteLiteral(key)})`;
  return text;
}

/** One index; `uniqueColumn` names the column a UNIQUE index guards (to explain a violation). */
export type TIndexPlan = { name: string; sql: string; uniqueColumn?: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The prefix of every index of one table (x_: hand-made objects the migration tool leaves alone). */
export function indexPrefix(tableId: string): string {
  if (!UUID.test(tableId)) throw new Error("indexPrefix: not a table id");
  return `x_ctr_${tableId.replace(/-/g, "").slice(0, 20)}_`;
}

/** The expression rows are ordered by (text: its first 200 characters, see the file comment). */
export function sortSql(key: string, kind: TValueKind, alias = "r"): string {
  const value = valueSql(key, kind, alias);
  return kind === "text" || kind === "long_text" ? `left(${value}, 200)` : value;
}

/** The indexes a table's schema asks for; names are stable per (column, kind, definition). */
export function planIndexes(tableId: string, schema: TTableSchema): TIndexPlan[] {
  const prefix = indexPrefix(tableId);
  const where = `WHERE "tableId" = ${quoteLiteral(tableId)} AND "deletedAt" IS NULL`;
  const plans: TIndexPlan[] = [];
  const add = (definition: string, uniqueColumn?: string) => {
    const name = prefix + createHash("sha256").update(definition).digest("hex").slice(0, 16);
    plans.push({ name, sql: `CREATE ${definition.replace("INDEX ", `INDEX ${name} `)}`, ...(uniqueColumn ? { uniqueColumn } : {}) });
  };
  for (const column of schema.columns) {
    const kind = valueKind(column, schema);
    // Expressions are written without an alias inside an index.
    const bare = (sql: string) => sql.replaceAll("custom_table_records.", "");
    const expression = bare(valueSql(column.key, kind, "custom_table_records"));
    const ordering = bare(sortSql(column.key, kind, "custom_table_records"));
    if (column.unique && (kind === "text" || kind === "long_text")) add(`UNIQUE INDEX ON custom_table_records (md5(${expression})) ${where}`, column.key);
    if (column.unique && (kind === "ordered_text" || kind === "number")) add(`UNIQUE INDEX ON custom_table_records (${expression}) ${where}`, column.key);
    if (!column.indexed) continue;
    if (kind === "number" || kind === "ordered_text" || kind === "boolean" || kind === "text") add(`INDEX ON custom_table_records (${ordering}, id) ${where}`);
    if (kind === "text" || kind === "long_text") add(`INDEX ON custom_table_records USING gin (${expression} gin_trgm_ops) ${where}`);
    if (kind === "list") add(`INDEX ON custom_table_records USING gin (${expression}) ${where}`);
  }
  return plans;
}
