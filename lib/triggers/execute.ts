import "server-only";
import { compileCondition } from "@/lib/expressions/api";
import { formatExplanation } from "@/lib/expressions/explain";
import { db, type Tx } from "@/lib/db";
import { env } from "@/lib/env";
import type { InputJsonValue } from "@/lib/generated/prisma/internal/prismaNamespace";
import type { ServiceContext } from "@/lib/service-context";
import { RetryableActionError, runAction, type TActionContext } from "./actions";
import { storedCondition, ZTriggerAction, ZTriggerSettings, type TTriggerAction } from "./definition";
import { triggerTypeEnv } from "./event-env";
import { eventView, type TOutboxEvent } from "./event-view";
import { quietUntil } from "./quiet-hours";

// One trigger execution: (trigger, event) → condition → ordered actions, with every step recorded.
// Runs in the job worker; safe to run again after a crash or a retry: a finished execution is left
// alone, and each action is keyed by (event, trigger, action index), so an action that already
// succeeded is never repeated (see actions.ts for what "once" means per action).

/** Events caused by triggers deeper than this are not acted on (a loop guard). */
export const MAX_CAUSATION_DEPTH = 5;

const FINAL = new Set(["SUCCESS", "PARTIAL_SUCCESS", "SKIPPED", "DEAD"]);
const json = (value: unknown) => value as InputJsonValue;

export type TExecuteOutcome = { status: string; retry?: { message: string }; reschedule?: Date };

type ActionSummary = { index: number; type: string; status: string; result?: unknown; error?: string; durationMs: number };

async function finish(executionId: string, data: { status: string; conditionsMet?: boolean; conditionResult?: unknown; actionsExecuted?: ActionSummary[]; errorMessage?: string | null; started: number }) {
  await db.triggerExecution.update({
    where: { id: executionId },
    data: {
      status: data.status as never,
      ...(data.conditionsMet !== undefined ? { conditionsMet: data.conditionsMet } : {}),
      ...(data.conditionResult !== undefined ? { conditionResult: json(data.conditionResult) } : {}),
      ...(data.actionsExecuted ? { actionsExecuted: json(data.actionsExecuted) } : {}),
      errorMessage: data.errorMessage ?? null,
      executionTime: Math.round(performance.now() - data.started),
      executedAt: new Date(),
    },
  });
  return { status: data.status };
}

/**
 * Executes (or resumes) one execution. `lastAttempt` tells it that a retryable failure will not be
 * retried again: the execution is then DEAD (visible in the dead-letter view, re-runnable by hand).
 */
export async function executeTrigger(executionId: string, options: { lastAttempt: boolean; now?: Date }): Promise<TExecuteOutcome> {
  const started = performance.now();
  const execution = await db.triggerExecution.findUnique({ where: { id: executionId }, include: { trigger: true } });
  if (!execution || FINAL.has(execution.status)) return { status: execution?.status ?? "MISSING" };
  const { trigger } = execution;
  const event = await db.outboxEvent.findFirst({ where: { id: execution.eventId, companyId: execution.companyId } });
  if (!event) return finish(executionId, { status: "FAILED", errorMessage: "The event is gone", started });
  await db.triggerExecution.update({ where: { id: executionId }, data: { status: "RUNNING", attempts: { increment: 1 } } });

  if (event.depth > MAX_CAUSATION_DEPTH) {
    return finish(executionId, { status: "SKIPPED", errorMessage: `Not run: this event is ${event.depth} triggers deep (limit ${MAX_CAUSATION_DEPTH}); triggers may be firing each other in a loop`, started });
  }
  if (!trigger.isActive || trigger.archivedAt) return finish(executionId, { status: "SKIPPED", errorMessage: "The trigger was switched off before it ran", started });
  const settings = ZTriggerSettings.parse(trigger.settings ?? {});
  const actions = ZTriggerAction.array().safeParse(trigger.actions);
  if (!actions.success) return finish(executionId, { status: "FAILED", errorMessage: "The trigger's actions are not valid any more; edit and save the trigger", started });

  // Quiet hours only delay actions; they are checked on the first attempt of an execution.
  const now = options.now ?? new Date();
  if (settings.quietHours && execution.attempts === 0) {
    const until = quietUntil(settings.quietHours, now);
    if (until) {
      await db.triggerExecution.update({ where: { id: executionId }, data: { status: "PENDING", attempts: 0, errorMessage: `Waiting for the end of quiet hours (${until.toISOString()})` } });
      return { status: "PENDING", reschedule: until };
    }
  }
  if (settings.rateLimitPerMinute && execution.attempts === 0) {
    const recent = await db.triggerExecution.count({ where: { triggerId: trigger.id, id: { not: executionId }, executedAt: { gt: new Date(now.getTime() - 60_000) }, status: { in: ["SUCCESS", "PARTIAL_SUCCESS", "FAILED", "RUNNING"] } } });
    if (recent >= settings.rateLimitPerMinute) return finish(executionId, { status: "SKIPPED", errorMessage: `Rate limited: ${recent} executions in the last minute (limit ${settings.rateLimitPerMinute})`, started });
  }

  const view = eventView({ ...event, payload: event.payload, createdAt: event.createdAt } as TOutboxEvent, { appUrl: env().APP_URL });
  const source = storedCondition(trigger.conditions);
  let conditionResult: Record<string, unknown> = { source: null, matched: true, explanation: "No condition: always runs" };
  if (source) {
    const env = await triggerTypeEnv(db, trigger.companyId, { eventType: trigger.eventType as never, taskId: trigger.taskId, flowId: trigger.flowId, tableId: trigger.tableId });
    const compiled = compileCondition(source, env);
    if (!compiled.ok) return finish(executionId, { status: "FAILED", conditionResult: { source, error: compiled.diagnostics.map((d) => d.message).join("; ") }, errorMessage: "The condition no longer fits the event's fields; edit the trigger", started });
    const explanation = compiled.explain(view.scope, { now });
    conditionResult = { source, matched: explanation.value === true, explanation: formatExplanation(explanation) };
    if (explanation.value !== true) return finish(executionId, { status: "SKIPPED", conditionsMet: false, conditionResult, started });
  }

  const summaries: ActionSummary[] = [];
  let retry: string | null = null;
  for (const [index, action] of actions.data.entries()) {
    const summary = await runOne(execution, event.depth, view, index, action);
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
    await finish(executionId, { status: "PENDING", conditionsMet: true, conditionResult, actionsExecuted: summaries, errorMessage: `Will retry: ${retry}`, started });
    return { status: "PENDING", retry: { message: retry } };
  }
  const status = retry ? "DEAD" : failed === 0 ? "SUCCESS" : succeeded > 0 ? "PARTIAL_SUCCESS" : "FAILED";
  const errorMessage = retry ? `Gave up after retries: ${retry}` : failed ? summaries.find((summary) => summary.error)?.error : null;
  return finish(executionId, { status, conditionsMet: true, conditionResult, actionsExecuted: summaries, errorMessage, started });
}

type ExecutionRow = { id: string; companyId: string; triggerId: string; eventId: string };

async function runOne(execution: ExecutionRow, depth: number, view: ReturnType<typeof eventView>, index: number, action: TTriggerAction): Promise<ActionSummary> {
  const key = { eventId_triggerId_actionIndex: { eventId: execution.eventId, triggerId: execution.triggerId, actionIndex: index } };
  const existing = await db.triggerActionRun.upsert({
    where: key,
    create: { companyId: execution.companyId, executionId: execution.id, eventId: execution.eventId, triggerId: execution.triggerId, actionIndex: index, type: action.type },
    update: {},
  });
  if (existing.status === "SUCCESS") return { index, type: action.type, status: "SUCCESS", result: existing.result ?? undefined, durationMs: existing.durationMs };
  const started = performance.now();
  const done = (tx: Tx | typeof db, result: unknown) =>
    tx.triggerActionRun.update({ where: key, data: { status: "SUCCESS", result: json(result ?? {}), error: null, attempts: { increment: 1 }, durationMs: Math.round(performance.now() - started), finishedAt: new Date() } });
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
        await done(tx, result);
        committedWithRun = true;
        return result;
      }),
  };
  try {
    const result = await runAction(action, context);
    if (!committedWithRun) await done(db, result);
    return { index, type: action.type, status: "SUCCESS", result, durationMs: Math.round(performance.now() - started) };
  } catch (error) {
    const message = (error as { message?: string }).message?.slice(0, 1_000) ?? "Unknown error";
    const fieldErrors = (error as { fieldErrors?: Record<string, string[]> }).fieldErrors;
    const text = fieldErrors ? `${message} ${Object.entries(fieldErrors).map(([field, messages]) => `${field}: ${messages.join(", ")}`).join("; ")}` : message;
    await db.triggerActionRun.update({ where: key, data: { status: "FAILED", error: text, attempts: { increment: 1 }, durationMs: Math.round(performance.now() - started), finishedAt: new Date() } });
    return { index, type: action.type, status: error instanceof RetryableActionError ? "RETRY" : "FAILED", error: text, durationMs: Math.round(performance.now() - started) };
  }
}
