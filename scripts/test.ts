// npm test: the whole suite on a real PostgreSQL.
//   unit — Vitest, pure logic
//   db   — Vitest against real PostgreSQL (a fresh database per test file, cloned from a migrated template)
//   e2e  — Playwright in Debian's chromium against a production build, on a freshly seeded database
// The server is TEST_DATABASE_URL or DATABASE_URL when set (it must be on this machine), otherwise a
// throwaway embedded PostgreSQL. Every database it creates is dropped at the end.
// Options: --only unit|db|e2e (repeatable); any other argument is a file filter passed to Vitest and
// Playwright (e.g. `npm test -- --only e2e e2e/inbox.spec.ts`), for working on one area.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createDbClient } from "@/lib/db-client";
import { seedDemoIfEmpty } from "@/lib/seed/demo";
import { projectRoot, runScript, ScriptError } from "./lib/database";
import { isLocalDatabaseUrl, parseDatabaseUrl, redactUrl, withDatabase } from "./lib/database-url";
import { startEmbeddedPostgres, type EmbeddedServer } from "./lib/embedded-postgres";
import { runPrisma } from "./lib/prisma-cli";

type Tier = "unit" | "db" | "e2e";
type Tally = { passed: number; failed: number; skipped: number; ran: boolean };

const TIERS: Tier[] = ["unit", "db", "e2e"];
const resultsDir = path.join(projectRoot, "test-results");
const TEST_AUTH_SECRET = "flowright-test-secret-0123456789abcdefghijklmnop";

function selectedTiers(argv: string[]): Tier[] {
  const only = argv.flatMap((arg, index) => (arg === "--only" ? [argv[index + 1]] : arg.startsWith("--only=") ? [arg.slice(7)] : []));
  for (const tier of only) if (!TIERS.includes(tier as Tier)) throw new ScriptError(`Unknown tier "${tier}". Use --only unit, db or e2e.`);
  return only.length ? (only as Tier[]) : TIERS;
}

function fileFilters(argv: string[]): string[] {
  return argv.filter((arg, index) => !arg.startsWith("--only") && argv[index - 1] !== "--only");
}

function run(command: string, args: string[], env: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: projectRoot, env: { ...process.env, ...env }, stdio: "inherit" });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as T;
  } catch {
    return null;
  }
}

async function runVitest(projects: Tier[], filters: string[], env: Record<string, string>): Promise<Tally> {
  const output = path.join(resultsDir, "vitest.json");
  fs.rmSync(output, { force: true });
  const args = ["run", ...projects.flatMap((name) => ["--project", name]), "--reporter=default", "--reporter=json", `--outputFile.json=${output}`, ...filters];
  const code = await run(path.join(projectRoot, "node_modules", ".bin", "vitest"), args, env);
  const report = readJson<{ numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }>(output);
  if (!report) return { passed: 0, failed: 1, skipped: 0, ran: true };
  // A failing suite (e.g. an import error) fails no test but sets the exit code: count it as a failure.
  const failed = report.numFailedTests || (code !== 0 ? 1 : 0);
  return { passed: report.numPassedTests, failed, skipped: report.numPendingTests + report.numTodoTests, ran: true };
}

async function runPlaywright(filters: string[], env: Record<string, string>): Promise<Tally> {
  const output = path.join(resultsDir, "playwright.json");
  fs.rmSync(output, { force: true });
  const code = await run(path.join(projectRoot, "node_modules", ".bin", "playwright"), ["test", ...filters], {
    ...env,
    PLAYWRIGHT_JSON_OUTPUT_NAME: output,
  });
  const report = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>(output);
  if (!report) return { passed: 0, failed: 1, skipped: 0, ran: true };
  const failed = report.stats.unexpected || (code !== 0 ? 1 : 0);
  return { passed: report.stats.expected + report.stats.flaky, failed, skipped: report.stats.skipped, ran: true };
}

async function buildApp(): Promise<void> {
  console.log("\n▶ Building the app for the browser tests (next build)…");
  const code = await run(path.join(projectRoot, "node_modules", ".bin", "next"), ["build"], { NEXT_TELEMETRY_DISABLED: "1" });
  if (code !== 0) throw new ScriptError("next build failed (see above).");
}

runScript(async () => {
  const tiers = selectedTiers(process.argv.slice(2));
  const filters = fileFilters(process.argv.slice(2));
  fs.mkdirSync(resultsDir, { recursive: true });
  const configured = (process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || "").trim();
  let embedded: EmbeddedServer | null = null;
  let embeddedDir: string | null = null;
  let serverUrl: string;
  if (configured) {
    parseDatabaseUrl(configured);
    if (!isLocalDatabaseUrl(configured)) {
      throw new ScriptError(`Tests create and drop databases, so they only run against a server on this machine; got ${redactUrl(configured)}.`);
    }
    serverUrl = configured;
    console.log(`▶ Test server: ${redactUrl(withDatabase(serverUrl, "postgres"))}`);
  } else {
    console.log("▶ No TEST_DATABASE_URL or DATABASE_URL: starting a throwaway embedded PostgreSQL…");
    embeddedDir = fs.mkdtempSync(path.join(os.tmpdir(), "flowright-test-pg-"));
    embedded = await startEmbeddedPostgres({ dataDir: embeddedDir, persistent: false });
    serverUrl = embedded.adminUrl;
  }

  const stamp = `${Date.now().toString(36)}_${process.pid}`;
  const templateUrl = withDatabase(serverUrl, `flowright_test_${stamp}`);
  const e2eUrl = withDatabase(serverUrl, `flowright_e2e_${stamp}`);
  const created: string[] = [];
  const tallies: Partial<Record<"vitest" | "e2e", Tally>> = {};
  const drop = async () => {
    for (const name of created) await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
    await embedded?.stop();
    if (embeddedDir) fs.rmSync(embeddedDir, { recursive: true, force: true });
  };
  process.once("SIGINT", () => void drop().then(() => process.exit(130)));

  try {
    const needsDatabase = tiers.includes("db") || tiers.includes("e2e");
    if (needsDatabase) {
      console.log("▶ Creating and migrating a fresh test database…");
      await adminQuery(serverUrl, `CREATE DATABASE "flowright_test_${stamp}"`);
      created.push(`flowright_test_${stamp}`);
      const migrated = runPrisma(["migrate", "deploy"], { databaseUrl: templateUrl, capture: true });
      if (migrated.status !== 0) throw new ScriptError(`Migrating the test database failed:\n${migrated.stdout}\n${migrated.stderr}`);
    }

    const vitestProjects = tiers.filter((tier): tier is "unit" | "db" => tier !== "e2e");
    if (vitestProjects.length) {
      console.log(`\n▶ Vitest (${vitestProjects.join(" + ")})`);
      tallies.vitest = await runVitest(vitestProjects, filters, {
        TEST_TEMPLATE_DATABASE_URL: needsDatabase ? templateUrl : "",
        AUTH_SECRET: TEST_AUTH_SECRET,
        NODE_ENV: "test",
      });
    }

    if (tiers.includes("e2e")) {
      await adminQuery(serverUrl, `CREATE DATABASE "flowright_e2e_${stamp}" TEMPLATE "flowright_test_${stamp}"`);
      created.push(`flowright_e2e_${stamp}`);
      const seedClient = createDbClient(e2eUrl, { max: 2 });
      await seedDemoIfEmpty(seedClient);
      await seedClient.$disconnect();
      await buildApp();
      console.log("\n▶ Playwright (e2e)");
      tallies.e2e = await runPlaywright(filters, { DATABASE_URL: e2eUrl, AUTH_SECRET: TEST_AUTH_SECRET, NEXT_TELEMETRY_DISABLED: "1" });
    }
  } finally {
    await drop();
  }

  const rows = Object.entries(tallies) as ["vitest" | "e2e", Tally][];
  const total = rows.reduce((sum, [, tally]) => ({ passed: sum.passed + tally.passed, failed: sum.failed + tally.failed, skipped: sum.skipped + tally.skipped }), { passed: 0, failed: 0, skipped: 0 });
  console.log("\n──────── Summary ────────");
  for (const [name, tally] of rows) console.log(`${name.padEnd(8)} ${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped`);
  console.log(`Total: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  if (total.failed > 0 || total.passed === 0) process.exitCode = 1;
});
