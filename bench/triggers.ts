// npx tsx bench/triggers.ts — prints, never asserts:
//   1. end-to-end latency, event committed → first action done (a row written by a create_row
//      action), p50/p95 over 200 events sent one at a time, with one worker process;
//   2. sustained executions per second (create_row + notify per execution) for 2,000 queued events
//      with 1 and then 2 worker processes, beside the single-row INSERT rate of 4 plain `pg` clients
//      in the same run (the commit-rate ceiling here);
//   3. inbound webhooks accepted per second with Standard Webhooks verification (the route's handler
//      called in-process by 8 concurrent callers — no HTTP server in the loop), 2,000 requests.
// Server: DATABASE_URL or postgresql://postgres@127.0.0.1:5432/postgres; a scratch database is
// created and dropped. Bounded: ≈4,400 events and 2,000 webhook calls.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { Webhook } from "standardwebhooks";
import { allowServerOnlyModules } from "@/lib/jobs/server-only-hook";
import { runPrisma } from "../scripts/lib/prisma-cli";
import { SERVER, admin, fmt, percentile, withDatabase } from "./lib";

const LATENCY_EVENTS = 200;
const BATCH_EVENTS = 2_000;
const WEBHOOKS = 2_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));


function spawnWorker(url: string, secret: string): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    cwd: process.cwd(),
    env: { ...process.env, DATABASE_URL: url, AUTH_SECRET: secret, FLOWRIGHT_WORKER_CONCURRENCY: "4", FLOWRIGHT_WORKER_POLL_MS: "200" },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

async function main() {
  const name = `flowright_bench_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const url = withDatabase(SERVER, name);
  console.log(`Triggers benchmark — scratch database ${name}`);
  await admin(`CREATE DATABASE "${name}"`);
  const workers: ChildProcess[] = [];
  try {
    const migrated = runPrisma(["migrate", "deploy"], { databaseUrl: url, capture: true });
    if (migrated.status !== 0) throw new Error(`Migrating the scratch database failed:\n${migrated.stdout}\n${migrated.stderr}`);
    process.env.DATABASE_URL = url;
    process.env.AUTH_SECRET ||= randomBytes(32).toString("base64url");
    allowServerOnlyModules();
    await run(url, workers);
  } catch (error) {
    console.error(error);
    process.exitCode = 1;
  } finally {
    for (const worker of workers) worker.kill("SIGKILL");
    await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch((error: unknown) => console.error(`Could not drop ${name}: ${(error as Error).message}`));
  }
}

async function run(url: string, workers: ChildProcess[]) {
  const { db } = await import("@/lib/db");
  const { seedDemoIfEmpty } = await import("@/lib/seed/demo");
  const { createTable } = await import("@/lib/tables/table-service");
  const { createTrigger } = await import("@/lib/triggers/service");
  const { receiveWebhook } = await import("@/lib/triggers/inbound");
  await seedDemoIfEmpty(db);
  const company = await db.company.findUniqueOrThrow({ where: { slug: "acme" } });
  const adminUser = await db.user.findUniqueOrThrow({ where: { email: "admin@acme.com" } });
  const task = await db.task.findFirstOrThrow({ where: { companyId: company.id, name: { contains: "Expense" } } });
  const ctx = { companyId: company.id, actorId: adminUser.id, actorType: "USER" as const, ipAddress: null, userAgent: "bench", principal: null };
  // The demo's own High-Value Alert would send mail for large amounts: the bench's amounts stay small.
  const table = await createTable(ctx, { name: "bench_log", displayName: "Bench log", description: null, columns: { columns: [{ key: "amount", label: "Amount", type: "number" }] } });
  const trigger = await createTrigger(ctx, {
    name: "Bench: log submissions",
    eventType: "TASK_COMPLETED",
    taskId: task.id,
    actions: [
      { type: "create_row", config: { tableId: table.id, values: { amount: "=amount" } } },
      { type: "notify", config: { userIds: [adminUser.id], title: "Expense {{amount}}" } },
    ],
  });
  const sql = new pg.Pool({ connectionString: url, max: 6 });
  const insertEvents = (count: number, from: number) =>
    sql.query(
      `INSERT INTO outbox_events ("companyId", type, entity, "entityId", payload)
       SELECT $1::uuid, 'TASK_COMPLETED', 'TaskExecution', 'bench-' || n, jsonb_build_object('taskId', $2::text, 'data', jsonb_build_object('amount', n % 1000)) FROM generate_series($3::int, $4::int) AS n RETURNING id`,
      [company.id, task.id, from, from + count - 1],
    );
  const succeeded = async () => Number((await sql.query(`SELECT count(*) FROM trigger_executions WHERE "triggerId" = $1 AND status = 'SUCCESS'`, [trigger.id])).rows[0].count);
  const secret = process.env.AUTH_SECRET!;

  // 1. Latency with one worker.
  workers.push(spawnWorker(url, secret));
  await insertEvents(1, 0);
  while ((await succeeded()) < 1) await sleep(50); // the worker is up
  const latencies: number[] = [];
  for (let index = 1; index <= LATENCY_EVENTS; index++) {
    const started = performance.now();
    const { rows } = await insertEvents(1, index);
    const eventId = rows[0].id as string;
    for (;;) {
      const done = await sql.query(`SELECT 1 FROM trigger_action_runs WHERE "eventId" = $1 AND "actionIndex" = 0 AND status = 'SUCCESS'`, [eventId]);
      if (done.rowCount) break;
      await sleep(2);
    }
    latencies.push(performance.now() - started);
  }
  latencies.sort((a, b) => a - b);
  console.log(`\n1. Event committed → first action done (1 worker, ${LATENCY_EVENTS} events one at a time): p50 ${fmt(percentile(latencies, 50), 1)} ms, p95 ${fmt(percentile(latencies, 95), 1)} ms`);

  // The ceiling: single-row INSERTs by 4 plain clients for 3 s.
  await sql.query(`CREATE TABLE bench_baseline (id bigserial PRIMARY KEY, payload jsonb)`);
  const baselineUntil = performance.now() + 3_000;
  let baselineRows = 0;
  await Promise.all(Array.from({ length: 4 }, async () => {
    while (performance.now() < baselineUntil) {
      await sql.query(`INSERT INTO bench_baseline (payload) VALUES ('{"amount": 1}')`);
      baselineRows++;
    }
  }));
  const baseline = baselineRows / 3;

  // 2. Throughput with 1, then 2 workers.
  let offset = 10_000;
  for (const count of [1, 2]) {
    while (workers.length < count) workers.push(spawnWorker(url, secret));
    await sleep(3_000); // let a new worker connect
    const before = await succeeded();
    const started = performance.now();
    await insertEvents(BATCH_EVENTS, offset);
    offset += BATCH_EVENTS;
    while ((await succeeded()) < before + BATCH_EVENTS) await sleep(100);
    const seconds = (performance.now() - started) / 1000;
    const rate = BATCH_EVENTS / seconds;
    console.log(`2. ${count} worker process${count > 1 ? "es" : ""}: ${fmt(BATCH_EVENTS)} executions (create_row + notify each) in ${fmt(seconds, 1)} s = ${fmt(rate)} executions/s (${fmt(rate / baseline, 2)}× the ${fmt(baseline)} single-row INSERTs/s of 4 plain clients)`);
  }
  for (const worker of workers.splice(0)) worker.kill("SIGTERM");

  // 3. Inbound webhooks, verified and stored, in-process.
  const hook = await createTrigger(ctx, { name: "Bench hook", eventType: "WEBHOOK_RECEIVED", actions: [{ type: "notify", config: { userIds: [adminUser.id], title: "hook" } }] });
  const signer = new Webhook(hook.secret!);
  const body = JSON.stringify({ order: "A-1", total: 42 });
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: 8 }, async () => {
    while (next < WEBHOOKS) {
      const id = `msg_${next++}`;
      const now = new Date();
      const request = new Request(`http://localhost/api/hooks/${hook.id}`, {
        method: "POST",
        body,
        headers: { "content-type": "application/json", "webhook-id": id, "webhook-timestamp": String(Math.floor(now.getTime() / 1000)), "webhook-signature": signer.sign(id, now, body) },
      });
      await receiveWebhook(hook.id, request);
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  console.log(`3. Inbound webhooks verified and stored (handler in-process, 8 concurrent): ${fmt(WEBHOOKS)} in ${fmt(seconds, 1)} s = ${fmt(WEBHOOKS / seconds)} requests/s`);
  await sql.end();
  await db.$disconnect();
}

void main();
