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

/**
 * Runs `work` in one transaction on one pooled connection (BEGIN … COMMIT, ROLLBACK on a throw).
 * `begin` is a parameterless statement sent together with BEGIN in the same round trip.
 */
export async function sqlTransaction<T>(work: (query: <R>(statement: SqlStatement) => Promise<R[]>, begun: pg.QueryResultRow[]) => Promise<T>, options: { begin?: string } = {}): Promise<T> {
  const client = await pool().connect();
  let broken: Error | undefined;
  try {
    const opened = (await client.query(options.begin ? `BEGIN; ${options.begin}` : "BEGIN")) as unknown as pg.QueryResult | pg.QueryResult[];
    const begun = Array.isArray(opened) ? (opened[1]?.rows ?? []) : [];
    const query = async <R>(statement: SqlStatement) => (await client.query<R & pg.QueryResultRow>({ name: statement.name, text: statement.text, values: statement.values })).rows;
    const result = await work(query, begun);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    // A connection that cannot even roll back is discarded, not handed to the next caller.
    await client.query("ROLLBACK").catch((rollbackError: Error) => (broken = rollbackError));
    throw error;
  } finally {
    client.release(broken);
  }
}

/** Closes the runner's pool (tests, scripts and the worker on shutdown). */
export async function closeRunnerPool(): Promise<void> {
  const current = globalForPool.flowrightRunnerPool;
  globalForPool.flowrightRunnerPool = undefined;
  await current?.end();
}

/** True for PostgreSQL's unique violation (23505). */
export const isUniqueViolation = (error: unknown) => (error as { code?: string })?.code === "23505";
