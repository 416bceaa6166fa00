import "server-only";
import type { TaskList } from "graphile-worker";
import { fireTimer, ZTimerPayload } from "@/lib/flows/runner/fire-timer";
import { deliverFlowMail, ZFlowMail } from "@/lib/flows/runner/mail";
import { z } from "zod";
import { executeTrigger } from "@/lib/triggers/execute";
import { fireSchedule, ZSchedulePayload } from "@/lib/triggers/schedule";
import { FLOW_MAIL_TASK, FLOW_TIMER_TASK, TRIGGER_EXECUTE_TASK, TRIGGER_SCHEDULE_TASK } from "./queue";

const ZExecutePayload = z.object({ executionId: z.uuid() });

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
  [FLOW_MAIL_TASK]: async (payload, helpers) => {
    const parsed = ZFlowMail.safeParse(payload);
    if (!parsed.success) {
      helpers.logger.error(`flow-mail job ${helpers.job.id} has an invalid payload`);
      return;
    }
    await deliverFlowMail(parsed.data);
  },
  [TRIGGER_EXECUTE_TASK]: async (payload, helpers) => {
    const parsed = ZExecutePayload.safeParse(payload);
    if (!parsed.success) {
      helpers.logger.error(`trigger-execute job ${helpers.job.id} has an invalid payload`);
      return;
    }
    const outcome = await executeTrigger(parsed.data.executionId, { lastAttempt: helpers.job.attempts >= helpers.job.max_attempts });
    // Quiet hours: run again when they end (a new job; this one is done).
    if (outcome.reschedule) await helpers.addJob(TRIGGER_EXECUTE_TASK, parsed.data, { runAt: outcome.reschedule, jobKey: `trigger-execute:${parsed.data.executionId}`, maxAttempts: 8 });
    // A retryable failure: throwing makes graphile-worker retry with exponential back-off.
    if (outcome.retry) throw new Error(outcome.retry.message);
  },
  [TRIGGER_SCHEDULE_TASK]: async (payload, helpers) => {
    const parsed = ZSchedulePayload.safeParse(payload);
    if (!parsed.success) {
      helpers.logger.error(`trigger-schedule job ${helpers.job.id} has an invalid payload`);
      return;
    }
    await fireSchedule(parsed.data);
  },
};
