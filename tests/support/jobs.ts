import { runOnce } from "graphile-worker";
import { env } from "@/lib/env";
import { graphileLogger } from "@/lib/jobs/logger";
import { taskList } from "@/lib/jobs/tasks";

/**
 * Runs the queued jobs of the named tasks until none is ready, with the app's real handlers (a
 * worker fetches only the tasks it knows, so other queued jobs stay untouched for their own tests).
 */
export async function runQueuedJobs(tasks: readonly string[]): Promise<void> {
  const subset = Object.fromEntries(tasks.map((task) => [task, taskList[task]!]));
  await runOnce({ connectionString: env().DATABASE_URL, taskList: subset, logger: graphileLogger, concurrency: 1 });
}
