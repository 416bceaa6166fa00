// Which database a script talks to: DATABASE_URL when set, else the embedded server in the data folder.
import path from "node:path";
import { DatabaseUrlError, databaseName, parseDatabaseUrl, redactUrl, withDatabase } from "./database-url";
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedServer } from "./embedded-postgres";
import pg from "pg";

export const projectRoot = path.resolve(import.meta.dirname, "..", "..");

/** The data folder (embedded database, uploaded files). */
export function dataDir(): string {
  return path.resolve(projectRoot, process.env.FLOWRIGHT_DATA_DIR ?? ".data");
}

export type ResolvedDatabase = { url: string; embedded: EmbeddedServer | null };

export const EMBEDDED_DATABASE = "flowright";
export const EMBEDDED_PORT = 54329;

/**
 * DATABASE_URL when it is set (checked for shape and reachability), otherwise the embedded
 * server, started for the caller (who must call `embedded.stop()`).
 */
export async function resolveDatabase(log: (line: string) => void = console.log): Promise<ResolvedDatabase> {
  const configured = process.env.DATABASE_URL?.trim();
  if (configured) {
    parseDatabaseUrl(configured);
    await checkReachable(configured);
    return { url: configured, embedded: null };
  }
  const embedded = await startEmbeddedPostgres({ dataDir: path.join(dataDir(), "postgres"), preferredPort: EMBEDDED_PORT, log });
  await ensureDatabase(embedded.adminUrl, EMBEDDED_DATABASE);
  return { url: withDatabase(embedded.adminUrl, EMBEDDED_DATABASE), embedded };
}

/** Connects once, turning the usual failures into one sentence saying what to do. */
export async function checkReachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const where = redactUrl(url);
    if (code === "ECONNREFUSED") throw new DatabaseUrlError(`Cannot reach PostgreSQL at ${where}: connection refused. Is the server running? Unset DATABASE_URL to use the embedded database instead.`);
    if (code === "ENOTFOUND" || code === "EAI_AGAIN") throw new DatabaseUrlError(`Cannot reach PostgreSQL at ${where}: the host name does not resolve.`);
    if (code === "3D000") throw new DatabaseUrlError(`The database "${databaseName(url)}" does not exist on ${where}. Create it (createdb ${databaseName(url)}) or point DATABASE_URL at an existing one.`);
    if (code === "28P01" || code === "28000") throw new DatabaseUrlError(`PostgreSQL refused the credentials in DATABASE_URL (${where}).`);
    throw new DatabaseUrlError(`Cannot use PostgreSQL at ${where}: ${(error as Error).message}`);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Runs `main`, printing expected failures as one line (no stack trace) and exiting non-zero. */
export function runScript(main: () => Promise<void>): void {
  main().then(
    () => process.exit(process.exitCode ?? 0),
    (error: unknown) => {
      const expected = error instanceof Error && ["DatabaseUrlError", "EmbeddedDatabaseError", "ScriptError"].includes(error.constructor.name);
      console.error(`\n✖ ${expected ? (error as Error).message : String((error as Error)?.stack ?? error)}`);
      process.exit(1);
    },
  );
}

export class ScriptError extends Error {}
