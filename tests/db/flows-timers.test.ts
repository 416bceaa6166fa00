// Due-time timers through the real job queue (graphile-worker) on real PostgreSQL: an escalation
// fires exactly once with two workers running (also when its job is doubled), is a no-op once the
// instance moved on, and survives kill -9 of a worker process while the job is in flight.
import { spawn, type ChildProcess } from "node:child_process";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { actOnInstance } from "@/lib/flows/runner/act-on-instance";
import { timerJobKey } from "@/lib/flows/runner/plan";
import { closeRunnerPool } from "@/lib/flows/runner/sql";
import { startInstance } from "@/lib/flows/runner/start-instance";
import { startWorker, type WorkerHandle } from "@/lib/jobs/worker";
import { actingAs, brokenInstances, createFlow, loadDemo, type Demo } from "../support/flow-fixtures";

let demo: Demo;
let flowId: string;
let levelId: string;
let sql: pg.Pool;

beforeAll(async () => {
  demo = await loadDemo(db);
  // Emma's manager must look within an hour, or it escalates to Finance.
  const { flow, levels } = await createFlow(db, {
    companyId: demo.company.id,
    createdById: demo.people.admin.id,
    levels: [{ name: "Manager check", assignees: [{ kind: "INITIATOR_MANAGER" }], config: { allowedActions: ["approve", "reject"], dueInHours: 1, escalation: { to: "role", roleId: demo.roles.finance.id } } }],
  });
  flowId = flow.id;
  levelId = levels[0]!.id;
  sql = new pg.Pool({ connectionString: env().DATABASE_URL, max: 3 });
});
afterAll(async () => {
  await sql.end();
  await closeRunnerPool();
  await db.$disconnect();
});

async function startOne() {
  const started = await startInstance(await actingAs(db, demo.people.employee.id), { flowId });
  return { instanceId: started.instanceId, key: timerJobKey(started.instanceId, levelId, 1, "escalation") };
}

const jobRow = async (key: string) =>
  (await sql.query<{ id: string; locked_by: string | null; attempts: number; last_error: string | null }>(`SELECT id, locked_by, attempts, last_error FROM graphile_worker._private_jobs WHERE key = $1`, [key])).rows[0] ?? null;
/** Makes a scheduled job due now (instead of waiting the level's hour). */
const makeDue = (key: string) => sql.query(`UPDATE graphile_worker._private_jobs SET run_at = now() WHERE key = $1`, [key]);
const escalations = async (instanceId: string) =>
  Number((await sql.query(`SELECT count(*) FROM flow_instance_events WHERE "instanceId" = $1 AND action = 'ESCALATED'`, [instanceId])).rows[0].count);
const financeAssignments = async (instanceId: string) =>
  Number((await sql.query(`SELECT count(*) FROM assignments WHERE "instanceId" = $1 AND principal = $2`, [instanceId, `r:${demo.roles.finance.id}`])).rows[0].count);

async function until(check: () => Promise<boolean>, timeoutMs = 20_000, what = "condition"): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("due-time timers", () => {
  it("schedules the escalation in the same statement as the transition", async () => {
    const { key } = await startOne();
    const job = await jobRow(key);
    expect(job).not.toBeNull();
    const { rows } = await sql.query(`SELECT run_at > now() + interval '55 minutes' AS later FROM graphile_worker._private_jobs WHERE key = $1`, [key]);
    expect(rows[0].later).toBe(true);
  });

  it("fires an escalation exactly once with two workers, even when its job was enqueued twice", async () => {
    const workers: WorkerHandle[] = [await startWorker({ concurrency: 2, pollIntervalMs: 100 }), await startWorker({ concurrency: 2, pollIntervalMs: 100 })];
    try {
      const { instanceId, key } = await startOne();
      // A duplicate of the same timer under another key (at-least-once delivery at its worst): both
      // workers may take one each at the same moment.
      const { rows } = await sql.query(`SELECT payload FROM graphile_worker._private_jobs WHERE key = $1`, [key]);
      for (const copy of ["copy-a", "copy-b"]) await sql.query(`SELECT graphile_worker.add_job('flow-timer', $1::json, job_key := $2)`, [JSON.stringify(rows[0].payload), `${key}:${copy}`]);
      await makeDue(key);
      await until(async () => (await jobRow(key)) === null && (await jobRow(`${key}:copy-a`)) === null && (await jobRow(`${key}:copy-b`)) === null, 20_000, "the jobs to complete");
      expect(await escalations(instanceId)).toBe(1);
      expect(await financeAssignments(instanceId)).toBe(1);
      const told = await db.notification.count({ where: { type: "escalated", link: `/instances/${instanceId}` } });
      expect(told).toBe(await db.userRole.count({ where: { roleId: demo.roles.finance.id } }));
      // Finance can now decide; the request was escalated, not moved.
      expect((await actOnInstance(await actingAs(db, demo.people.finance.id), { instanceId, action: "approve" })).status).toBe("COMPLETED");
    } finally {
      await Promise.all(workers.map((worker) => worker.stop()));
    }
  });

  it("is a no-op once the instance moved on, and its job completes (no retries)", async () => {
    const worker = await startWorker({ concurrency: 1, pollIntervalMs: 100 });
    try {
      const { instanceId, key } = await startOne();
      await actOnInstance(await actingAs(db, demo.people.manager.id), { instanceId, action: "approve" });
      const before = (await db.flowInstance.findUniqueOrThrow({ where: { id: instanceId } })).version;
      await makeDue(key);
      await until(async () => (await jobRow(key)) === null, 20_000, "the stale job to complete");
      expect(await escalations(instanceId)).toBe(0);
      expect((await db.flowInstance.findUniqueOrThrow({ where: { id: instanceId } })).version).toBe(before);
    } finally {
      await worker.stop();
    }
  });

  it("kill -9 of a worker process with the job in flight: after a restart it has fired exactly once", { timeout: 120_000 }, async () => {
    const { instanceId, key } = await startOne();
    const spawnWorker = (): ChildProcess =>
      // `node --import tsx`, not the tsx CLI: the CLI runs the script in a child process, and kill -9
      // of the CLI would leave that child running.
      spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
        cwd: process.cwd(),
        env: { ...process.env, DATABASE_URL: env().DATABASE_URL, FLOWRIGHT_WORKER_POLL_MS: "100", FLOWRIGHT_WORKER_SWEEP_MS: "300", FLOWRIGHT_WORKER_STALE_MS: "500" },
        stdio: ["ignore", "pipe", "pipe"],
      });
    const exited = (child: ChildProcess) => new Promise((resolve) => child.once("exit", resolve));

    // Hold the instance's row lock so the worker's transition blocks mid-statement: the job is in flight.
    const blocker = await sql.connect();
    await blocker.query("BEGIN");
    await blocker.query(`SELECT id FROM flow_instances WHERE id = $1 FOR UPDATE`, [instanceId]);
    const first = spawnWorker();
    try {
      await makeDue(key);
      await until(async () => (await jobRow(key))?.locked_by != null, 60_000, "the worker to take the job");
      await until(
        async () => Number((await sql.query(`SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`)).rows[0].count) > 0,
        20_000,
        "the worker's transition to wait on the instance",
      );
      first.kill("SIGKILL");
      await exited(first);
    } finally {
      await blocker.query("ROLLBACK");
      blocker.release();
    }
    expect((await jobRow(key))?.locked_by).not.toBeNull(); // the dead worker still holds the job

    const second = spawnWorker();
    let output = "";
    second.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    second.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    try {
      await until(async () => (await jobRow(key)) === null, 60_000, "the restarted worker to finish the job");
    } finally {
      second.kill("SIGTERM");
      await exited(second);
    }
    expect(output).toMatch(/released the jobs of 1 stopped worker/); // the sweep, not the 4-hour lock timeout
    expect(await escalations(instanceId)).toBe(1);
    expect(await financeAssignments(instanceId)).toBe(1);
    expect(await brokenInstances(db)).toEqual([]);
  });
});
