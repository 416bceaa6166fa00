// The trigger pipeline under crashes: 1,000 events in flight, worker processes killed with SIGKILL at
// three moments and restarted (the last time two of them side by side). Afterwards every event has
// exactly one execution, every execution succeeded, and each action ran exactly once: one table row
// per event (written in the same transaction as its action run) and one notification per event.
import { spawn, type ChildProcess } from "node:child_process";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { closeRunnerPool } from "@/lib/flows/runner/sql";
import { createTable } from "@/lib/tables/table-service";
import { createTrigger } from "@/lib/triggers/service";
import { actingAs, loadDemo, type Demo } from "../support/flow-fixtures";

const EVENTS = 1_000;
let demo: Demo;
let sql: pg.Pool;

beforeAll(async () => {
  demo = await loadDemo(db);
  sql = new pg.Pool({ connectionString: env().DATABASE_URL, max: 3 });
  // The test database is dropped WITH (FORCE) after the file: an idle connection's FATAL is expected.
  sql.on("error", () => {});
});
afterAll(async () => {
  await sql.end();
  await closeRunnerPool();
  await db.$disconnect();
});

const count = async (text: string, values: unknown[] = []) => Number((await sql.query(text, values)).rows[0].count);

function spawnWorker(): ChildProcess {
  // `node --import tsx` (not the tsx CLI, whose child would survive a kill of the CLI).
  return spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    cwd: process.cwd(),
    env: { ...process.env, DATABASE_URL: env().DATABASE_URL, AUTH_SECRET: env().AUTH_SECRET, FLOWRIGHT_WORKER_POLL_MS: "100", FLOWRIGHT_WORKER_SWEEP_MS: "300", FLOWRIGHT_WORKER_STALE_MS: "500" },
    stdio: ["ignore", "ignore", "pipe"],
  });
}
const exited = (child: ChildProcess) => (child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once("exit", resolve)));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("triggers under kill -9", () => {
  it("runs every action of 1,000 events exactly once across three crashes and two workers", { timeout: 300_000 }, async () => {
    const admin = await actingAs(db, demo.people.admin.id);
    const table = await createTable(admin, { name: `crash_log_${Date.now()}`, displayName: "Crash log", description: null, columns: { columns: [{ key: "event", label: "Event", type: "text" }, { key: "n", label: "N", type: "number" }] } });
    const taskId = (await db.task.findFirstOrThrow({ where: { companyId: demo.company.id, name: { contains: "Expense" } } })).id;
    const trigger = await createTrigger(admin, {
      name: "Log every submission",
      eventType: "TASK_COMPLETED",
      taskId,
      actions: [
        { type: "create_row", config: { tableId: table.id, values: { event: "{{event.id}}", n: "=amount" } } },
        { type: "notify", config: { userIds: [demo.people.admin.id], title: "Submission {{amount}}" } },
      ],
    });
    await sql.query(
      `INSERT INTO outbox_events ("companyId", type, entity, "entityId", payload)
       SELECT $1::uuid, 'TASK_COMPLETED', 'TaskExecution', 'crash-' || n, jsonb_build_object('taskId', $3::text, 'data', jsonb_build_object('amount', n)) FROM generate_series(1, $2::int) AS n`,
      [demo.company.id, EVENTS, taskId],
    );

    const finished = () => count(`SELECT count(*) FROM trigger_executions WHERE "triggerId" = $1 AND status = 'SUCCESS'`, [trigger.id]);
    // Three crashes at different stages: each worker is killed once it has finished some more.
    for (const threshold of [100, 350, 600]) {
      const worker = spawnWorker();
      const deadline = Date.now() + 120_000;
      while ((await finished()) < threshold && Date.now() < deadline) await sleep(50);
      worker.kill("SIGKILL");
      await exited(worker);
    }
    expect(await finished()).toBeLessThan(EVENTS); // the crashes really happened mid-way

    // Two workers side by side finish the rest (and the events the rows' own writes emitted).
    const workers = [spawnWorker(), spawnWorker()];
    const pending = () => count(`SELECT count(*) FROM outbox_events WHERE "companyId" = $1 AND "processedAt" IS NULL`, [demo.company.id]);
    const deadline = Date.now() + 240_000;
    while (((await finished()) < EVENTS || (await pending()) > 0) && Date.now() < deadline) await sleep(250);
    for (const worker of workers) worker.kill("SIGTERM");
    await Promise.all(workers.map(exited));

    expect(await count(`SELECT count(*) FROM trigger_executions WHERE "triggerId" = $1`, [trigger.id])).toBe(EVENTS);
    expect(await finished()).toBe(EVENTS);
    expect(await count(`SELECT count(*) FROM custom_table_records WHERE "tableId" = $1`, [table.id])).toBe(EVENTS);
    expect(await count(`SELECT count(DISTINCT data->>'event') FROM custom_table_records WHERE "tableId" = $1`, [table.id])).toBe(EVENTS);
    expect(await count(`SELECT count(*) FROM notifications WHERE "userId" = $1 AND title LIKE 'Submission %'`, [demo.people.admin.id])).toBe(EVENTS);
    expect(await count(`SELECT count(*) FROM trigger_action_runs WHERE "triggerId" = $1 AND status = 'SUCCESS'`, [trigger.id])).toBe(2 * EVENTS);
    expect(await count(`SELECT count(*) FROM outbox_events WHERE "companyId" = $1 AND "processedAt" IS NULL`, [demo.company.id])).toBe(0);
  });
});
