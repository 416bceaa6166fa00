// npm run bench:startup — prints, never asserts:
//   1. how long `npm start` takes until /api/health answers 200: cold (a fresh data folder, so the
//      embedded database is initialised, migrated and seeded) and warm (the same folder again),
//      each 3 times, median reported; the checkout must be installed (a missing build is made first,
//      untimed);
//   2. p50/p95 latency of GET /api/health and of the signed-in dashboard (GET /) at 20 concurrent
//      requests, interleaved over 3 rounds with a raw-SQL baseline (`SELECT 1` through pg on the same
//      database and concurrency), reporting the median ratio to the baseline: this machine's speed
//      swings between runs, the ratio much less.
// Loopback only; bounded in requests (≈3,900) and time (each step has a timeout).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { DEMO_PASSWORD } from "@/lib/seed/demo";
import { buildReason } from "../scripts/lib/build-if-needed";
import { projectRoot, runScript, ScriptError } from "../scripts/lib/database";
import { findFreePort } from "../scripts/lib/embedded-postgres";

const RUNS = 3;
const ROUNDS = 3;
const REQUESTS_PER_ROUND = 400;
const CONCURRENCY = 20;
const WARMUP_REQUESTS = 50;
const START_TIMEOUT_MS = 120_000;
const BUILD_TIMEOUT_MS = 600_000;
const REQUEST_TIMEOUT_MS = 10_000;
const SIGN_IN_EMAIL = "admin@acme.com";

const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), "flowright-bench-"));
fs.chmodSync(tempRoot, 0o755); // as root the database runs as the `postgres` user, which must reach it

// ── starting and stopping the app ─────────────────────────────────────────────────────────────────

type App = { child: ChildProcess; port: number; dataDir: string; log: string; startMs: number };
let running: App | null = null;

function tail(file: string, lines = 15): string {
  try {
    return fs.readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "";
  }
}

/** Starts `npx tsx scripts/start.ts` in its own process group and waits for /api/health = 200. */
async function startApp(dataDir: string, timeoutMs = START_TIMEOUT_MS): Promise<App> {
  const port = await findFreePort();
  const log = path.join(tempRoot, `start-${port}.log`);
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), FLOWRIGHT_DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: "1" };
  delete env.DATABASE_URL; // always the embedded database: that is what `npm start` on a fresh clone uses
  delete env.AUTH_SECRET;
  const out = fs.openSync(log, "w");
  const began = performance.now();
  const child = spawn("npx", ["tsx", "scripts/start.ts"], { cwd: projectRoot, env, stdio: ["ignore", out, out], detached: true });
  fs.closeSync(out);
  running = { child, port, dataDir, log, startMs: 0 };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new ScriptError(`npm start exited (code ${child.exitCode}) before it was healthy:\n${tail(log)}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.status === 200) {
        running.startMs = performance.now() - began;
        return running;
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new ScriptError(`npm start was not healthy within ${timeoutMs / 1000} s:\n${tail(log)}`);
}

/** Ctrl-C, as a terminal sends it (SIGINT to the whole process group); returns how long stopping took. */
async function stopApp(app: App): Promise<number> {
  const began = performance.now();
  if (app.child.exitCode === null && app.child.signalCode === null) {
    const exited = new Promise((resolve) => app.child.once("exit", resolve));
    process.kill(-app.child.pid!, "SIGINT");
    const timer = setTimeout(() => process.kill(-app.child.pid!, "SIGKILL"), 30_000);
    await exited;
    clearTimeout(timer);
  }
  if (running === app) running = null;
  return performance.now() - began;
}

// ── load ──────────────────────────────────────────────────────────────────────────────────────────

type Sample = { p50: number; p95: number; perSecond: number; errors: number };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

const median = (values: number[]) => percentile([...values].sort((a, b) => a - b), 0.5);

/** `requests` calls of `once` with `concurrency` in flight; `once` resolves true for a correct answer. */
async function load(once: () => Promise<boolean>, requests: number): Promise<Sample> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const began = performance.now();
  const worker = async () => {
    while (next < requests) {
      next++;
      const start = performance.now();
      const ok = await once().catch(() => false);
      latencies.push(performance.now() - start);
      if (!ok) errors++;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const elapsed = performance.now() - began;
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95), perSecond: (requests / elapsed) * 1000, errors };
}

function httpTarget(url: string, cookie: string | null, isCorrect: (response: Response, body: string) => boolean) {
  return async () => {
    const response = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: "manual", signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    return isCorrect(response, await response.text());
  };
}

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((line) => line.split(";")[0]);
}

/** Signs in through next-auth's credentials callback; the session cookie header, or null. */
async function signIn(base: string): Promise<string | null> {
  const csrf = await fetch(`${base}/api/auth/csrf`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  if (!csrf.ok) return null;
  const { csrfToken } = (await csrf.json()) as { csrfToken?: string };
  if (!csrfToken) return null;
  const jar = cookiesOf(csrf);
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email: SIGN_IN_EMAIL, password: DEMO_PASSWORD, callbackUrl: `${base}/` }),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  await response.arrayBuffer();
  const session = cookiesOf(response).filter((cookie) => cookie.includes("session-token"));
  if (session.length === 0) return null;
  const cookie = [...jar, ...session].join("; ");
  const dashboard = await fetch(`${base}/`, { headers: { cookie }, redirect: "manual", signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  await dashboard.arrayBuffer();
  return dashboard.status === 200 ? cookie : null;
}

/** The embedded database of a data folder, from its lock file and password file. */
function embeddedUrl(dataDir: string): string {
  const root = path.join(dataDir, "postgres");
  const port = fs.readFileSync(path.join(root, "pgdata", "postmaster.pid"), "utf8").split("\n")[3].trim();
  const password = fs.readFileSync(path.join(root, "postgres-password"), "utf8").trim();
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/flowright`;
}

// ── report ────────────────────────────────────────────────────────────────────────────────────────

function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ");
  return [line(header), widths.map((width) => "─".repeat(width)).join("  "), ...rows.map(line)].join("\n");
}

const ms = (value: number) => `${value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : Math.round(value)} ms`;
const seconds = (value: number) => `${(value / 1000).toFixed(2)} s`;

async function benchStartup(): Promise<{ report: string; dataDir: string }> {
  const reason = buildReason(projectRoot);
  if (reason) {
    console.log(`Building first (${reason}); not timed…`);
    await stopApp(await startApp(path.join(tempRoot, "prepare"), BUILD_TIMEOUT_MS));
  }
  const cold: number[] = [];
  const warm: number[] = [];
  const stops: number[] = [];
  let dataDir = "";
  for (let run = 1; run <= RUNS; run++) {
    dataDir = path.join(tempRoot, `cold-${run}`);
    const app = await startApp(dataDir);
    cold.push(app.startMs);
    stops.push(await stopApp(app));
    console.log(`  cold start ${run}: ${seconds(app.startMs)}`);
  }
  for (let run = 1; run <= RUNS; run++) {
    const app = await startApp(dataDir);
    warm.push(app.startMs);
    stops.push(await stopApp(app));
    console.log(`  warm start ${run}: ${seconds(app.startMs)}`);
  }
  const report = table(
    ["npm start until /api/health = 200", "runs", "median", "min", "max"],
    [
      ["cold (new data folder: initdb, migrate, seed)", cold.map(seconds).join(", "), seconds(median(cold)), seconds(Math.min(...cold)), seconds(Math.max(...cold))],
      ["warm (same data folder)", warm.map(seconds).join(", "), seconds(median(warm)), seconds(Math.min(...warm)), seconds(Math.max(...warm))],
      ["Ctrl-C until everything stopped", `${stops.length} stops`, seconds(median(stops)), seconds(Math.min(...stops)), seconds(Math.max(...stops))],
    ],
  );
  return { report, dataDir };
}

async function benchLatency(dataDir: string): Promise<string> {
  const app = await startApp(dataDir);
  const base = `http://127.0.0.1:${app.port}`;
  const pool = new pg.Pool({ connectionString: embeddedUrl(app.dataDir), max: CONCURRENCY });
  try {
    const cookie = await signIn(base);
    const page = cookie
      ? { name: "GET / (dashboard, signed in)", target: httpTarget(`${base}/`, cookie, (response) => response.status === 200) }
      : { name: "GET /sign-in (sign-in failed)", target: httpTarget(`${base}/sign-in`, null, (response) => response.status === 200) };
    if (!cookie) console.log(`  Signing in as ${SIGN_IN_EMAIL} failed: measuring /sign-in instead of the dashboard.`);
    const targets = [
      { name: "SELECT 1 via pg (baseline)", target: async () => (await pool.query("SELECT 1 AS one")).rows[0]?.one === 1 },
      { name: "GET /api/health", target: httpTarget(`${base}/api/health`, null, (response, body) => response.status === 200 && body.includes('"database":"ok"')) },
      page,
    ];
    for (const { target } of targets) await load(target, WARMUP_REQUESTS);
    const samples = targets.map(() => [] as Sample[]);
    for (let round = 1; round <= ROUNDS; round++) {
      for (const [index, { target }] of targets.entries()) samples[index].push(await load(target, REQUESTS_PER_ROUND));
      console.log(`  round ${round}: ${targets.map(({ name }, index) => `${name.split(" (")[0]} p50 ${ms(samples[index][round - 1].p50)}`).join(", ")}`);
    }
    const baseline = samples[0];
    const rows = targets.map(({ name }, index) => {
      const mine = samples[index];
      const ratio = (key: "p50" | "p95") => (index === 0 ? "1.0×" : `${median(mine.map((sample, round) => sample[key] / baseline[round][key])).toFixed(1)}×`);
      return [
        name,
        ms(median(mine.map((sample) => sample.p50))),
        ms(median(mine.map((sample) => sample.p95))),
        ratio("p50"),
        ratio("p95"),
        `${Math.round(median(mine.map((sample) => sample.perSecond)))}/s`,
        String(mine.reduce((sum, sample) => sum + sample.errors, 0)),
      ];
    });
    return table([`${ROUNDS} rounds × ${REQUESTS_PER_ROUND} requests, ${CONCURRENCY} concurrent`, "p50", "p95", "p50 ÷ SQL", "p95 ÷ SQL", "throughput", "errors"], rows);
  } finally {
    await pool.end();
    await stopApp(app);
  }
}

let interrupted = false;
// The apps run in their own process groups: a Ctrl-C of the benchmark must reach them too. (The
// embedded-postgres package, imported for findFreePort, would otherwise exit on Ctrl-C at once.)
for (const name of ["SIGINT", "SIGTERM"] as const) {
  for (const listener of process.listeners(name)) process.removeListener(name, listener as () => void);
  process.on(name, () => {
    if (interrupted) return;
    interrupted = true;
    const app = running;
    console.log("\nStopping…");
    void (app ? stopApp(app) : Promise.resolve()).finally(() => {
      fs.rmSync(tempRoot, { recursive: true, force: true });
      process.exit(130);
    });
  });
}

runScript(async () => {
  console.log(`Startup benchmark — node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg().map((value) => value.toFixed(2)).join(" ")}`);
  try {
    console.log("\n1. Start-up time");
    const startup = await benchStartup();
    console.log("\n2. Latency under load");
    const latency = await benchLatency(startup.dataDir);
    console.log(`\n${startup.report}\n\n${latency}\n`);
    console.log("Ratios are medians of per-round ratios to the SQL baseline measured in the same round; absolute figures vary with machine load.");
  } finally {
    if (running) await stopApp(running);
    fs.rmSync(tempRoot, { recursive: true, force: true });
  }
});
