import "server-only";
import pg from "pg";
import { env } from "@/lib/env";

// The flow runner's hot path (load an instance, apply a transition as one statement, the inbox)
// talks to PostgreSQL through plain `pg`, not Prisma: measured here, a raw query through Prisma's
// driver adapter costs ≈2.3 ms against ≈0.6 ms through `pg` for the same SQL (README "Performance":
// "use typed raw SQL where the ratio is poor"). Everything else keeps using `db` (lib/db.ts).
// The pool is small and separate; statements that run often are named so PostgreSQL plans them once
// per connection.

const globalForPool = globalThis as unknown as { flowrightRunnerPool?: pg.Pool };

// Generic plans: the statements are parameterised OLTP lookups by key, and re-planning the large
// transition statement for each execution (PostgreSQL's custom plans) cost ≈1 ms here. No JIT: a
// generic plan's cost estimates can pass jit_above_cost, and compiling costs more than it saves.
const POOL_OPTIONS = "-c plan_cache_mode=force_generic_plan -c jit=off";

/** Idle-connection errors (a restarted server, a dropped test database) must not crash the process. */
function createPool(): pg.Pool {
  const { DATABASE_URL, DATABASE_POOL_SIZE } = env();
  const pool = new pg.Pool({ connectionString: DATABASE_URL, max: Math.max(2, Math.ceil(DATABASE_POOL_SIZE / 2)), connectionTimeoutMillis: 5000, options: POOL_OPTIONS });
  pool.on("error", (error) => console.error("flow runner pool: idle connection failed:", error.message));
  return pool;
}

function pool(): pg.Pool {
  globalForPool.flowrightRunnerPool ??= createPool();
  return globalForPool.flowrightRunnerPool;
}

export type SqlStatement = { name?: string; text: string; values: unknown[] };

/** Runs one statement (outside an explicit transaction: a single statement is atomic by itself). */
export async function sql<T>(statement: SqlStatement): Promise<T[]> {
  const result = await pool().query<T & pg.QueryResultRow>({ name: statement.name, text: statement.text, values: statement.values });
  return result.rows;
}

/** Closes the runner's pool (tests, scripts and the worker on shutdown). */
export async function closeRunnerPool(): Promise<void> {
  const current = globalForPool.flowrightRunnerPool;
  globalForPool.flowrightRunnerPool = undefined;
  await current?.end();
}

/** True for PostgreSQL's unique violation (23505). */
export const isUniqueViolation = (error: unknown) => (error as { code?: string })?.code === "23505";
