import "server-only";
import type { TaskList } from "graphile-worker";
import { fireTimer, ZTimerPayload } from "@/lib/flows/runner/fire-timer";
import { FLOW_TIMER_TASK } from "./queue";

// The job handlers. A handler that throws is retried by graphile-worker with exponential back-off
// (up to the job's max_attempts), so handlers throw only for failures a retry can fix.

export const taskList: TaskList = {
  [FLOW_TIMER_TASK]: async (payload, helpers) => {
    const parsed = ZTimerPayload.safeParse(payload);
    if (!parsed.success) {
      // A malformed payload never becomes valid: log it and let the job complete.
      helpers.logger.error(`flow-timer job ${helpers.job.id} has an invalid payload: ${parsed.error.issues[0]?.message}`);
      return;
    }
    await fireTimer(parsed.data);
  },
};
