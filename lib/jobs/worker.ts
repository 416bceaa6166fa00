import "server-only";
import { EventEmitter } from "node:events";
import { run, type Runner, type WorkerEvents } from "graphile-worker";
import pg from "pg";
import { env } from "@/lib/env";
import { graphileLogger } from "./logger";
import { ensureJobQueue, JOB_QUEUE_SCHEMA } from "./queue";
import { taskList } from "./tasks";
import { startOutboxRelay } from "./outbox-relay";

// The job worker: graphile-worker (LISTEN/NOTIFY, 4–12 ms pickup here) running our task list. It
// runs inside the app process by default (instrumentation.ts) and as `npm run worker` when scaled
// out; any number of them may run against one database.
//
// Crash recovery: graphile-worker leaves the jobs of a worker that died (kill -9, power loss) locked
// for 4 hours. Each worker therefore holds a PostgreSQL advisory lock named after its pool id on a
// connection of its own, for as long as it lives — the database releases it when that connection
// dies. A periodic sweep releases jobs locked by pools whose lock is free (their worker is gone), so
// they run again within seconds. That a job may run twice is harmless: timers are idempotent (see
// lib/flows/runner/fire-timer.ts).

export type WorkerOptions = {
  connectionString?: string;
  /** Jobs run at once (default 4). */
  concurrency?: number;
  /** How often future jobs are polled for, in ms (new jobs arrive by NOTIFY at once). Default 1000. */
  pollIntervalMs?: number;
  /** How often dead workers' jobs are looked for, in ms (default 15 s). */
  sweepIntervalMs?: number;
  /** A lock younger than this is never swept (covers a new worker taking its liveness lock). Default 10 s. */
  staleAfterMs?: number;
};

export type WorkerHandle = {
  /** The graphile-worker pool id (what `locked_by` holds for this worker's jobs). */
  readonly poolId: string | null;
  /** Stops taking jobs, waits for running ones, releases connections. */
  stop(): Promise<void>;
  /** Resolves when the worker stopped (rejects if it failed). */
  readonly promise: Promise<void>;
};

const livenessKey = (poolId: string) => `flowright-worker:${poolId}`;

/** Releases jobs locked by workers whose liveness lock is free (they died). Returns the pools released. */
export async function sweepDeadWorkers(pool: pg.Pool, staleAfterMs: number): Promise<string[]> {
  const client = await pool.connect();
  try {
    // Session-level try-locks: taken and given back on this one connection.
    const { rows } = await client.query<{ id: string }>(
      `WITH stale AS (
         SELECT DISTINCT locked_by AS id FROM ${JOB_QUEUE_SCHEMA}._private_jobs
         WHERE locked_by IS NOT NULL AND locked_at < now() - make_interval(secs => $1::double precision / 1000))
       SELECT id FROM stale WHERE pg_try_advisory_lock(hashtextextended($2 || id, 0))`,
      [staleAfterMs, livenessKey("")],
    );
    if (rows.length === 0) return [];
    const ids = rows.map((row) => row.id);
    await client.query(`SELECT ${JOB_QUEUE_SCHEMA}.force_unlock_workers($1::text[])`, [ids]);
    await client.query(`SELECT pg_advisory_unlock(hashtextextended($2 || id, 0)) FROM unnest($1::text[]) AS id`, [ids, livenessKey("")]);
    return ids;
  } finally {
    client.release();
  }
}

/** Starts a worker; resolves once it is connected and taking jobs. */
export async function startWorker(options: WorkerOptions = {}): Promise<WorkerHandle> {
  const connectionString = options.connectionString ?? env().DATABASE_URL;
  const concurrency = options.concurrency ?? 4;
  const staleAfterMs = options.staleAfterMs ?? 10_000;
  await ensureJobQueue(connectionString);

  const liveness = new pg.Client({ connectionString, application_name: "flowright-worker-liveness" });
  liveness.on("error", (error) => console.error("job worker: liveness connection failed:", error.message));
  await liveness.connect();
  const service = new pg.Pool({ connectionString, max: 1, application_name: "flowright-worker-sweep" });
  service.on("error", (error) => console.error("job worker: sweep connection failed:", error.message));

  let poolId: string | null = null;
  let locked: Promise<unknown> = Promise.resolve();
  const events: WorkerEvents = new EventEmitter();
  events.on("pool:create", ({ workerPool }) => {
    poolId = workerPool.id;
    locked = liveness.query("SELECT pg_advisory_lock(hashtextextended($1, 0))", [livenessKey(workerPool.id)]);
  });

  let runner: Runner;
  try {
    runner = await run({
      connectionString,
      concurrency,
      maxPoolSize: concurrency + 2,
      pollInterval: options.pollIntervalMs ?? 1000,
      taskList,
      logger: graphileLogger,
      events,
      noHandleSignals: true,
    });
    await locked;
  } catch (error) {
    await liveness.end().catch(() => {});
    await service.end().catch(() => {});
    throw error;
  }

  const sweep = () =>
    sweepDeadWorkers(service, staleAfterMs)
      .then((released) => {
        if (released.length > 0) console.warn(`job worker: released the jobs of ${released.length} stopped worker(s): ${released.join(", ")}`);
      })
      .catch((error: unknown) => console.error("job worker: sweep failed:", (error as Error).message));
  void sweep();
  const timer = setInterval(sweep, options.sweepIntervalMs ?? 15_000);
  timer.unref();
  const relay = await startOutboxRelay(connectionString);

  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      clearInterval(timer);
      await relay.stop();
      try {
        await runner.stop();
      } finally {
        await liveness.end().catch(() => {});
        await service.end().catch(() => {});
      }
    })());

  return {
    get poolId() {
      return poolId;
    },
    stop,
    promise: runner.promise,
  };
}
