import "server-only";
import { runMigrations } from "graphile-worker";
import { env } from "@/lib/env";
import { graphileLogger } from "./logger";

// The job queue lives in the app's own database (graphile-worker's `graphile_worker` schema). Jobs
// are enqueued inside the transaction that decides them (`SELECT graphile_worker.add_job(…)` in the
// same statement as the transition), so a job exists exactly when its cause does.

export const JOB_QUEUE_SCHEMA = "graphile_worker";
export const FLOW_TIMER_TASK = "flow-timer";
export const FLOW_MAIL_TASK = "flow-mail";
export const TRIGGER_EXECUTE_TASK = "trigger-execute";
export const TRIGGER_SCHEDULE_TASK = "trigger-schedule";

const installed = new Map<string, Promise<void>>();

/**
 * Installs or upgrades graphile-worker's schema once per process and database. The runner calls it
 * before its first statement (which may enqueue a timer), so the app works when the worker runs
 * elsewhere or has not started yet; a failed attempt is retried on the next call.
 */
export function ensureJobQueue(connectionString: string = env().DATABASE_URL): Promise<void> {
  let pending = installed.get(connectionString);
  if (!pending) {
    pending = runMigrations({ connectionString, maxPoolSize: 1, logger: graphileLogger }).catch((error: unknown) => {
      installed.delete(connectionString);
      throw error;
    });
    installed.set(connectionString, pending);
  }
  return pending;
}
