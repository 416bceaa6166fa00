// npx tsx bench/flows.ts — prints, never asserts:
//   1. flow transitions per second through the runner (the seed's 3-level expense flow: start +
//      the employee's submission as one statement, the manager's approval with the branch
//      evaluated, finance's approval; history, assignments, outbox, notifications and timer jobs
//      written with each) at 1 and 8 concurrent clients, interleaved over 3 rounds with pgbench's
//      single-row UPDATE (the commit-rate ceiling of this machine) at the same concurrency; the
//      median ratio is the figure to quote, absolute numbers are context.
//   2. inbox query p50/p95 (listInbox, first page, and countInbox) with 100,000 instances and 1,000
//      users, generated with SQL.
// Server: DATABASE_URL or postgresql://postgres@127.0.0.1:5432/postgres; a scratch database is
// created and dropped. Bounded: ≈2 × 3 × 2 × 4 s of load, ≈600 inbox queries.
// `--transitions-only` / `--inbox-only` run one part; `--keep` keeps the scratch database to look into.
import { execFileSync, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { allowServerOnlyModules } from "@/lib/jobs/server-only-hook";
import { runPrisma } from "../scripts/lib/prisma-cli";
import { SERVER, admin, fmt, median, percentile, withDatabase } from "./lib";

const ROUNDS = 3;
const SECONDS = 4;
const CLIENTS = [1, 8];
const INSTANCES = 100_000;
const USERS = 1_000;
const INBOX_QUERIES = 300;


// ── pgbench ───────────────────────────────────────────────────────────────────────────────────────

function hasPgbench(): boolean {
  return spawnSync("pgbench", ["--version"], { encoding: "utf8" }).status === 0;
}

function pgbenchTps(url: string, clients: number, scriptFile: string): number {
  const out = execFileSync("pgbench", ["-n", "-c", String(clients), "-j", String(Math.min(clients, 2)), "-T", String(SECONDS), "-f", scriptFile, url], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  const match = /tps = ([\d.]+) \(without initial connection time\)/.exec(out) ?? /tps = ([\d.]+)/.exec(out);
  if (!match) throw new Error(`Cannot read pgbench's output:\n${out}`);
  return Number(match[1]);
}

// ── main ──────────────────────────────────────────────────────────────────────────────────────────

async function main() {
  const name = `flowright_bench_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const url = withDatabase(SERVER, name);
  console.log(`Flow runner benchmark — scratch database ${name}`);
  await admin(`CREATE DATABASE "${name}"`);
  try {
    const migrated = runPrisma(["migrate", "deploy"], { databaseUrl: url, capture: true });
    if (migrated.status !== 0) throw new Error(`Migrating the scratch database failed:\n${migrated.stdout}\n${migrated.stderr}`);
    process.env.DATABASE_URL = url;
    process.env.DATABASE_POOL_SIZE = "16"; // the runner's pg pool gets half: 8, one per client at c=8
    process.env.AUTH_SECRET ||= randomBytes(32).toString("base64url");
    allowServerOnlyModules();
    await run(url);
  } catch (error) {
    console.error(error);
    process.exitCode = 1;
  } finally {
    const { closeRunnerPool } = await import("@/lib/flows/runner/sql").catch(() => ({ closeRunnerPool: async () => {} }));
    await closeRunnerPool().catch(() => {});
    if (process.argv.includes("--keep")) console.log(`Kept the scratch database: ${url}`);
    else await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch((error: unknown) => console.error(`Could not drop ${name}: ${(error as Error).message}`));
  }
}

async function run(url: string) {
  const { db } = await import("@/lib/db");
  const { seedDemoIfEmpty } = await import("@/lib/seed/demo");
  const { startInstance } = await import("@/lib/flows/runner/start-instance");
  const { actOnInstance } = await import("@/lib/flows/runner/act-on-instance");
  const { closeRunnerPool } = await import("@/lib/flows/runner/sql");
  const { listInbox, countInbox } = await import("@/lib/flows/queries");
  const { effectivePermissions } = await import("@/lib/auth/permissions");
  type Principal = import("@/lib/auth/session").Principal;

  await seedDemoIfEmpty(db);
  const company = await db.company.findUniqueOrThrow({ where: { slug: "acme" } });
  const flow = await db.flow.findFirstOrThrow({ where: { companyId: company.id } });
  const principalOf = async (email: string): Promise<Principal> => {
    const user = await db.user.findUniqueOrThrow({ where: { email }, include: { roles: { include: { role: true } } } });
    const roles = user.roles.map((entry) => entry.role);
    return {
      kind: "user", sessionId: user.id, userId: user.id, companyId: company.id, systemRole: user.systemRole, email, name: `${user.firstName} ${user.lastName}`,
      departmentId: user.departmentId, roleIds: roles.map((role) => role.id), permissions: effectivePermissions(user.systemRole, roles.map((role) => role.permissions as unknown[])),
    };
  };
  const ctxOf = (principal: Principal) => ({ companyId: company.id, actorId: principal.userId, actorType: "USER" as const, ipAddress: null, userAgent: "bench", principal });
  const employee = ctxOf(await principalOf("employee@acme.com"));
  const manager = ctxOf(await principalOf("manager@acme.com"));
  const finance = ctxOf(await principalOf("finance@acme.com"));
  const receipt = await db.file.create({ data: { companyId: company.id, storageKey: `bench/${randomBytes(6).toString("hex")}`, originalName: "r.pdf", mimetype: "application/pdf", size: 1000, sha256: "0".repeat(64), uploadedById: employee.actorId } });
  const data = { employee_name: "Emma Employee", amount: 12_000, category: "travel", receipt: [receipt.id] };

  /** One request through the flow: 3 runner calls, 4 accepted events (history rows). */
  const cycle = async () => {
    const { instanceId } = await startInstance(employee, { flowId: flow.id, data });
    await actOnInstance(manager, { instanceId, action: "approve", expectedVersion: 2 });
    const done = await actOnInstance(finance, { instanceId, action: "approve", expectedVersion: 3 });
    if (done.status !== "COMPLETED") throw new Error(`Unexpected status ${done.status}`);
  };
  const runnerRate = async (clients: number) => {
    let cycles = 0;
    const until = performance.now() + SECONDS * 1000;
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (performance.now() < until) {
          await cycle();
          cycles++;
        }
      }),
    );
    return { calls: (cycles * 3) / SECONDS, events: (cycles * 4) / SECONDS };
  };

  const only = process.argv.includes("--inbox-only") ? "inbox" : process.argv.includes("--transitions-only") ? "transitions" : null;
  if (only !== "inbox") await transitions();
  if (only !== "transitions") await inbox();
  await closeRunnerPool();
  await db.$disconnect();

  // ── 1. transitions beside pgbench ──
  async function transitions() {
  const pgbench = hasPgbench();
  const scriptFile = `/tmp/flowright-bench-${process.pid}.sql`;
  if (pgbench) {
    execFileSync("pgbench", ["-i", "-q", "-s", "1", url], { stdio: "ignore" });
    await import("node:fs").then((fs) => fs.writeFileSync(scriptFile, "\\set aid random(1, 100000)\nUPDATE pgbench_accounts SET abalance = abalance + 1 WHERE aid = :aid;\n"));
  } else {
    console.log("pgbench is missing (install postgresql-client / postgresql-contrib): transitions are printed without the baseline.");
  }
  await cycle(); // warm-up: caches, prepared statements, the job queue schema
  for (let i = 0; i < 20; i++) await cycle();
  const results = new Map<number, { calls: number[]; events: number[]; tps: number[]; ratios: number[] }>(CLIENTS.map((c) => [c, { calls: [], events: [], tps: [], ratios: [] }]));
  for (let round = 1; round <= ROUNDS; round++) {
    for (const clients of CLIENTS) {
      const entry = results.get(clients)!;
      const tps = pgbench ? pgbenchTps(url, clients, scriptFile) : NaN;
      const rate = await runnerRate(clients);
      entry.calls.push(rate.calls);
      entry.events.push(rate.events);
      entry.tps.push(tps);
      entry.ratios.push(rate.calls / tps);
      console.log(`  round ${round}, c=${clients}: runner ${fmt(rate.calls)} decisions/s (${fmt(rate.events)} events/s), pgbench ${pgbench ? fmt(tps) : "—"} TPS`);
    }
  }
  if (pgbench) await import("node:fs").then((fs) => fs.rmSync(scriptFile, { force: true }));
  console.log("\nTransitions (median of 3 interleaved rounds; a decision = one runner call = one statement + its reads)");
  console.log("  clients | runner decisions/s | history events/s | pgbench 1-row UPDATE TPS | decisions / pgbench (median ratio)");
  for (const [clients, entry] of results) {
    console.log(`  ${String(clients).padStart(7)} | ${fmt(median(entry.calls)).padStart(18)} | ${fmt(median(entry.events)).padStart(16)} | ${(pgbench ? fmt(median(entry.tps)) : "—").padStart(24)} | ${pgbench ? `${fmt(median(entry.ratios), 2)}×` : "—"}`);
  }

  }

  // ── 2. the inbox at 100,000 instances and 1,000 users ──
  async function inbox() {
  console.log(`\nGenerating ${fmt(INSTANCES)} instances and ${fmt(USERS)} users…`);
  const began = performance.now();
  const client = new pg.Client({ connectionString: url });
  client.on("error", (error) => console.error("generator connection:", error.message));
  await client.connect();
  const level = await db.flowLevel.findFirstOrThrow({ where: { companyId: company.id, name: "Manager Review" } });
  await client.query(
    `INSERT INTO roles ("companyId", name, "updatedAt") SELECT $1, 'Bench role ' || g, now() FROM generate_series(1, 20) g;
     INSERT INTO departments ("companyId", name, "updatedAt") SELECT $1, 'Bench department ' || g, now() FROM generate_series(1, 10) g;`.replaceAll("$1", `'${company.id}'`),
  );
  await client.query(
    `WITH r AS (SELECT array_agg(id) AS ids FROM roles WHERE name LIKE 'Bench role %'), d AS (SELECT array_agg(id) AS ids FROM departments WHERE name LIKE 'Bench department %')
     INSERT INTO users ("companyId", email, "firstName", "lastName", "departmentId", "updatedAt")
     SELECT $1, 'bench' || g || '@acme.com', 'Bench', 'User ' || g, d.ids[1 + g % 10], now() FROM generate_series(1, $2::int) g, d`,
    [company.id, USERS],
  );
  await client.query(
    `UPDATE users u SET "managerId" = m.id FROM users m WHERE u.email LIKE 'bench%' AND m.email = 'bench' || (1 + (substring(u.email from 'bench(\\d+)@')::int % 50)) || '@acme.com' AND u.id <> m.id;
     INSERT INTO user_roles ("userId", "roleId", "companyId")
       SELECT u.id, (SELECT array_agg(id ORDER BY name) FROM roles WHERE name LIKE 'Bench role %')[1 + (substring(u.email from 'bench(\\d+)@')::int % 20)], u."companyId" FROM users u WHERE u.email LIKE 'bench%';`,
  );
  // 20% running, each waiting for one principal: a user (the initiator's manager) 60%, a role 25%, a department 15%.
  await client.query(
    `WITH u AS (SELECT array_agg(id ORDER BY email) AS ids, array_agg("managerId" ORDER BY email) AS managers FROM users WHERE email LIKE 'bench%'),
          r AS (SELECT array_agg(id) AS ids FROM roles WHERE name LIKE 'Bench role %'),
          d AS (SELECT array_agg(id) AS ids FROM departments WHERE name LIKE 'Bench department %'),
          picks AS (SELECT g, random() AS kind, random() AS who, random() < 0.2 AS running FROM generate_series(1, $4::int) g),
          rows AS (
            SELECT g, gen_random_uuid() AS id, u.ids[1 + g % $3::int] AS initiator, running, now() - make_interval(mins => g) AS at,
              CASE WHEN kind < 0.6 THEN 'u:' || COALESCE(u.managers[1 + g % $3::int], u.ids[1 + g % $3::int])
                   WHEN kind < 0.85 THEN 'r:' || r.ids[1 + floor(who * 20)::int]
                   ELSE 'd:' || d.ids[1 + floor(who * 10)::int] END AS principal
            FROM picks, u, r, d),
          inst AS (
            INSERT INTO flow_instances (id, "companyId", "flowId", "flowVersionId", status, "currentLevelId", version, data, state, "initiatorId", "startedAt", "updatedAt", "completedAt")
            SELECT rows.id, $1::uuid, $2::uuid, v.id, CASE WHEN running THEN 'IN_PROGRESS' ELSE 'COMPLETED' END::"FlowInstanceStatus",
              CASE WHEN running THEN $5::uuid END, 3,
              jsonb_build_object('employee_name', 'Bench ' || g, 'amount', g % 5000, 'category', 'travel'),
              jsonb_build_object('status', CASE WHEN running THEN 'IN_PROGRESS' ELSE 'COMPLETED' END, 'levelDecisions', '{}'::jsonb,
                'current', CASE WHEN running THEN jsonb_build_object('levelId', $5::text, 'managerOpen', false) END),
              initiator, at, at, CASE WHEN NOT running THEN at END
            FROM rows, (SELECT id FROM flow_versions WHERE "flowId" = $2::uuid AND state = 'PUBLISHED') v
            RETURNING id)
     INSERT INTO assignments ("companyId", "instanceId", "levelId", visit, principal, status, "createdAt", "dueAt", "completedAt")
     SELECT $1::uuid, rows.id, $5::uuid, 2, rows.principal, CASE WHEN running THEN 'OPEN' ELSE 'DONE' END::"AssignmentStatus", at, at + interval '48 hours', CASE WHEN NOT running THEN at END
     FROM rows`,
    [company.id, flow.id, USERS, INSTANCES, level.id],
  );
  await client.query("ANALYZE");
  const stats = (await client.query(`SELECT (SELECT count(*) FROM flow_instances)::int AS instances, (SELECT count(*) FROM assignments WHERE status = 'OPEN')::int AS open, (SELECT count(*) FROM users)::int AS users`)).rows[0];
  console.log(`  generated in ${fmt((performance.now() - began) / 1000, 1)} s: ${fmt(stats.instances)} instances, ${fmt(stats.open)} open assignments, ${fmt(stats.users)} users`);
  await client.end();

  const users = await db.user.findMany({ where: { email: { startsWith: "bench" } }, include: { roles: { include: { role: true } } } });
  const principals: Principal[] = users.map((user) => ({
    kind: "user", sessionId: user.id, userId: user.id, companyId: company.id, systemRole: user.systemRole, email: user.email, name: user.email,
    departmentId: user.departmentId, roleIds: user.roles.map((entry) => entry.roleId), permissions: effectivePermissions(user.systemRole, []),
  }));
  const time = async (work: () => Promise<unknown>) => {
    const t0 = performance.now();
    await work();
    return performance.now() - t0;
  };
  for (let i = 0; i < 30; i++) await listInbox(principals[i % principals.length]!); // warm-up
  const pageTimes: number[] = [];
  const countTimes: number[] = [];
  let items = 0;
  for (let i = 0; i < INBOX_QUERIES; i++) {
    const principal = principals[Math.floor(Math.random() * principals.length)]!;
    pageTimes.push(await time(async () => (items += (await listInbox(principal)).items.length)));
    countTimes.push(await time(() => countInbox(principal)));
  }
  pageTimes.sort((a, b) => a - b);
  countTimes.sort((a, b) => a - b);
  console.log(`\nInbox (${INBOX_QUERIES} random users of ${fmt(USERS)}; each holds its own, its role's and its department's items, ${fmt(items / INBOX_QUERIES, 1)} shown on average)`);
  console.log(`  listInbox, first page of 50: p50 ${fmt(percentile(pageTimes, 50), 2)} ms, p95 ${fmt(percentile(pageTimes, 95), 2)} ms`);
  console.log(`  countInbox (badge):           p50 ${fmt(percentile(countTimes, 50), 2)} ms, p95 ${fmt(percentile(countTimes, 95), 2)} ms`);
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
