import "server-only";
import type { Db, Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { ZTableSchema, type TTableSchema } from "./columns";
import { compileTable, type TCompiledTable } from "./record-values";
import { planIndexes } from "./storage";

export type TLoadedTable = {
  id: string;
  name: string;
  displayName: string;
  updatedAt: Date;
  schema: TTableSchema;
  compiled: TCompiledTable;
  /** UNIQUE index name → column key, to explain a uniqueness violation. */
  uniqueIndexes: ReadonlyMap<string, string>;
};

// Compiled schemas by table id, valid while the table's updatedAt is unchanged: the checkers and
// formulas are built once per schema version, not per request (every schema save bumps updatedAt).
const cache = new Map<string, TLoadedTable>();
const CACHE_LIMIT = 500;

function build(row: { id: string; name: string; displayName: string; updatedAt: Date; schema: unknown }): TLoadedTable {
  const schema = ZTableSchema.parse(row.schema);
  const uniqueIndexes = new Map(planIndexes(row.id, schema).flatMap((plan) => (plan.uniqueColumn ? [[plan.name, plan.uniqueColumn] as const] : [])));
  return { id: row.id, name: row.name, displayName: row.displayName, updatedAt: row.updatedAt, schema, compiled: compileTable(schema), uniqueIndexes };
}

/**
 * Loads a live table of the company by id or key (company-scoped: another company's table is "not
 * found", exactly like a missing one). `lock` takes the table row's lock (schema changes, auto-numbers).
 */
export async function loadTable(tx: Tx | Db, companyId: string, ref: { id: string } | { name: string }, options: { lock?: boolean } = {}): Promise<TLoadedTable> {
  const where = "id" in ref ? `id = $2::uuid` : `name = $2`;
  const rows = await tx.$queryRawUnsafe<{ id: string; name: string; displayName: string; updatedAt: Date }[]>(
    `SELECT id, name, "displayName", "updatedAt" FROM custom_tables WHERE "companyId" = $1::uuid AND ${where} AND "archivedAt" IS NULL${options.lock ? " FOR UPDATE" : ""}`,
    companyId,
    "id" in ref ? ref.id : ref.name,
  );
  const row = rows[0];
  if (!row) throw new AppError("NOT_FOUND", "Table not found.");
  const cached = cache.get(row.id);
  if (cached && cached.updatedAt.getTime() === row.updatedAt.getTime() && cached.displayName === row.displayName) return cached;
  const full = await tx.customTable.findFirstOrThrow({ where: { id: row.id, companyId }, select: { id: true, name: true, displayName: true, updatedAt: true, schema: true } });
  const loaded = build(full);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(row.id, loaded);
  return loaded;
}
