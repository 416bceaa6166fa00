import "server-only";
import { formatExplanation } from "@/lib/expressions/explain";
import { db, type Tx } from "@/lib/db";
import { env } from "@/lib/env";
import type { ServiceContext } from "@/lib/service-context";
import { RetryableActionError, runAction, type TActionContext } from "./actions";
import type { TTriggerAction } from "./definition";
import { compiledTrigger } from "./compiled-trigger";
import { eventView } from "./event-view";
import { executionStatus, finishExecution, markActionRunning, recordActionRun, startExecution, type TDoneRun, type TRunKey } from "./execution-sql";
import { quietUntil } from "./quiet-hours";

// One trigger execution: (trigger, event) → condition → ordered actions, with every step recorded.
// Runs in the job worker; safe to run again after a crash or a retry: a finished execution is left
// alone, and each action is keyed by (event, trigger, action index), so an action that already
// succeeded is never repeated (see actions.ts for what "once" means per action). The bookkeeping is
// one statement to start, two per action (running, outcome) and one to finish (execution-sql.ts).

/** Events caused by triggers deeper than this are not acted on (a loop guard). */
export const MAX_CAUSATION_DEPTH = 5;

export type TExecuteOutcome = { status: string; retry?: { message: string }; reschedule?: Date };

type ActionSummary = { index: number; type: string; status: string; result?: unknown; error?: string; durationMs: number };

/**
 * Executes (or resumes) one execution. `lastAttempt` tells it that a retryable failure will not be
 * retried again: the execution is then DEAD (visible in the dead-letter view, re-runnable by hand).
 * `manual` (a person's "Run for real") runs now: no quiet-hours wait, no rate limit.
 */
export async function executeTrigger(executionId: string, options: { lastAttempt: boolean; now?: Date; manual?: boolean }): Promise<TExecuteOutcome> {
  const started = performance.now();
  const now = options.now ?? new Date();
  const execution = await startExecution(executionId, now);
  if (!execution) return { status: await executionStatus(executionId) };
  const finish = async (status: string, data: { conditionsMet?: boolean; conditionResult?: unknown; actionsExecuted?: ActionSummary[]; errorMessage?: string | null } = {}) => {
    await finishExecution(executionId, { status, ...data, executionTimeMs: performance.now() - started });
    return { status };
  };
  const { event } = execution;
  if (!event) return finish("FAILED", { errorMessage: "The event is gone" });
  if (event.depth > MAX_CAUSATION_DEPTH) {
    return finish("SKIPPED", { errorMessage: `Not run: this event is ${event.depth} triggers deep (limit ${MAX_CAUSATION_DEPTH}); triggers may be firing each other in a loop` });
  }
  if (!execution.isActive || execution.archived) return finish("SKIPPED", { errorMessage: "The trigger was switched off before it ran" });
  const trigger = await compiledTrigger(execution);
  if (!trigger.actions) return finish("FAILED", { errorMessage: "The trigger's actions are not valid any more; edit and save the trigger" });

  // Quiet hours only delay actions; they are checked on the first attempt of an execution.
  const { settings } = trigger;
  if (settings.quietHours && execution.previousAttempts === 0 && !options.manual) {
    const until = quietUntil(settings.quietHours, now);
    if (until) {
      await finishExecution(executionId, { status: "PENDING", resetAttempts: true, errorMessage: `Waiting for the end of quiet hours (${until.toISOString()})`, executionTimeMs: performance.now() - started });
      return { status: "PENDING", reschedule: until };
    }
  }
  const recent = execution.recent;
  if (settings.rateLimitPerMinute && recent !== null && recent >= settings.rateLimitPerMinute && !options.manual) {
    return finish("SKIPPED", { errorMessage: `Rate limited: ${recent} executions in the last minute (limit ${settings.rateLimitPerMinute})` });
  }

  const view = eventView({ id: execution.eventId, companyId: execution.companyId, ...event }, { appUrl: env().APP_URL });
  let conditionResult: Record<string, unknown> = { source: null, matched: true, explanation: "No condition: always runs" };
  if (trigger.condition) {
    const compiled = trigger.condition;
    if (!compiled.ok) return finish("FAILED", { conditionResult: { source: trigger.source, error: compiled.diagnostics.map((d) => d.message).join("; ") }, errorMessage: "The condition no longer fits the event's fields; edit the trigger" });
    const explanation = compiled.explain(view.scope, { now });
    conditionResult = { source: trigger.source, matched: explanation.value === true, explanation: formatExplanation(explanation) };
    if (explanation.value !== true) return finish("SKIPPED", { conditionsMet: false, conditionResult });
  }

  const done = new Map(execution.done.map((run) => [run.index, run]));
  const summaries: ActionSummary[] = [];
  let retry: string | null = null;
  for (const [index, action] of trigger.actions.entries()) {
    const summary = await runOne(execution, event.depth, view, index, action, done.get(index));
    summaries.push(summary);
    if (summary.status === "RETRY") {
      retry = summary.error ?? "retry";
      break;
    }
    if (summary.status === "FAILED" && settings.stopOnFailure) break;
  }
  const failed = summaries.filter((summary) => summary.status === "FAILED" || summary.status === "RETRY").length;
  const succeeded = summaries.filter((summary) => summary.status === "SUCCESS").length;
  if (retry && !options.lastAttempt) {
    await finish("PENDING", { conditionsMet: true, conditionResult, actionsExecuted: summaries, errorMessage: `Will retry: ${retry}` });
    return { status: "PENDING", retry: { message: retry } };
  }
  const status = retry ? "DEAD" : failed === 0 ? "SUCCESS" : succeeded > 0 ? "PARTIAL_SUCCESS" : "FAILED";
  const errorMessage = retry ? `Gave up after retries: ${retry}` : failed ? summaries.find((summary) => summary.error)?.error : null;
  return finish(status, { conditionsMet: true, conditionResult, actionsExecuted: summaries, errorMessage });
}

type ExecutionRow = { id: string; companyId: string; triggerId: string; eventId: string };

/** Raised inside an action's transaction when its run turns out to be done already: rolls the copy back. */
class AlreadyDone extends Error {}

async function runOne(execution: ExecutionRow, depth: number, view: ReturnType<typeof eventView>, index: number, action: TTriggerAction, done: TDoneRun | undefined): Promise<ActionSummary> {
  if (done) return { index, type: action.type, status: "SUCCESS", result: done.result ?? undefined, durationMs: done.durationMs };
  const key: TRunKey = { companyId: execution.companyId, executionId: execution.id, eventId: execution.eventId, triggerId: execution.triggerId, actionIndex: index, type: action.type };
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  // Another worker finished this action between our start and now: nothing to do.
  if (!(await markActionRunning(key, new Date()))) return { index, type: action.type, status: "SUCCESS", result: { alreadyDone: true }, durationMs: 0 };
  // Actions act without a signed-in principal: the trigger's own rules (checked at save) authorise them.
  const serviceContext = (userId: string | null): ServiceContext => ({
    companyId: execution.companyId,
    actorId: userId,
    actorType: userId ? "USER" : "SYSTEM",
    ipAddress: null,
    userAgent: `trigger ${execution.triggerId}`,
    principal: null,
    causation: { eventId: execution.eventId, depth },
  });
  let committedWithRun = false;
  const context: TActionContext = {
    companyId: execution.companyId,
    eventId: execution.eventId,
    triggerId: execution.triggerId,
    actionIndex: index,
    depth,
    view,
    db: db as unknown as Tx,
    serviceContext: (userId) => serviceContext(userId),
    inRunTransaction: (work) =>
      db.$transaction(async (tx) => {
        const result = await work(tx, serviceContext(null));
        if (!(await recordActionRun(key, { status: "SUCCESS", result, durationMs: elapsed() }, tx))) throw new AlreadyDone();
        committedWithRun = true;
        return result;
      }),
  };
  try {
    const result = await runAction(action, context);
    if (!committedWithRun) await recordActionRun(key, { status: "SUCCESS", result, durationMs: elapsed() });
    return { index, type: action.type, status: "SUCCESS", result, durationMs: elapsed() };
  } catch (error) {
    // Another run of this execution (a worker presumed dead that was not) did the action first.
    if (error instanceof AlreadyDone) return { index, type: action.type, status: "SUCCESS", result: { alreadyDone: true }, durationMs: elapsed() };
    const message = (error as { message?: string }).message?.slice(0, 1_000) ?? "Unknown error";
    const fieldErrors = (error as { fieldErrors?: Record<string, string[]> }).fieldErrors;
    const text = fieldErrors ? `${message} ${Object.entries(fieldErrors).map(([field, messages]) => `${field}: ${messages.join(", ")}`).join("; ")}` : message;
    await recordActionRun(key, { status: "FAILED", error: text, durationMs: elapsed() });
    return { index, type: action.type, status: error instanceof RetryableActionError ? "RETRY" : "FAILED", error: text, durationMs: elapsed() };
  }
}
