import "server-only";
import { AppError } from "@/lib/errors";
import { inTransaction, type ServiceContext } from "@/lib/service-context";
import type { TEventType } from "./definition";
import { eventView } from "./event-view";
import { executeTrigger } from "./execute";

// "Run for real" from the editor's Test panel: the saved trigger's actions run now, against a past
// event or sample data, and the run is an ordinary execution marked as a manual test run (who ran it).
//
// The event is always a new outbox row — a copy of the chosen event, or one built from the sample —
// written already processed, so the relay never hands it to other triggers, and with its own id, so
// the (event, trigger, action index) keys of an earlier real execution of the same event cannot make
// the test skip actions. A copy keeps the original's depth and names it as its cause (loop guard).
// Quiet hours and the rate limit do not apply: a person asked for this run, now.

export type TManualRunInput = { triggerId: string; eventId?: string; sample?: Record<string, unknown> };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** The outbox payload whose event view shows `sample` as the data (event-view.ts in reverse). */
function samplePayload(eventType: TEventType, sample: Record<string, unknown>): Record<string, unknown> {
  switch (eventType) {
    case "WEBHOOK_RECEIVED":
      return { body: isObject(sample.payload) ? sample.payload : sample };
    case "FIELD_CHANGED":
      return { field: sample.field ?? null, from: sample.from ?? null, to: sample.to ?? null };
    case "SCHEDULED":
      return { scheduledFor: typeof sample.scheduledFor === "string" ? sample.scheduledFor : new Date().toISOString() };
    case "DATABASE_ROW_UPDATED": {
      const { previous, changed, ...data } = sample;
      return { data, previous: isObject(previous) ? previous : {}, changed: Array.isArray(changed) ? changed : [] };
    }
    default:
      return { data: sample };
  }
}

/** Runs the saved trigger once by hand; returns the execution (id and final status). */
export async function runTriggerManually(ctx: ServiceContext, input: TManualRunInput): Promise<{ executionId: string; status: string }> {
  const executionId = await inTransaction(ctx, async (tx, audit) => {
    const trigger = await tx.trigger.findFirst({ where: { id: input.triggerId, companyId: ctx.companyId, archivedAt: null }, select: { id: true, eventType: true, isActive: true } });
    if (!trigger) throw new AppError("NOT_FOUND", "Trigger not found.");
    if (!trigger.isActive) throw new AppError("CONFLICT", "The trigger is switched off; switch it on and save before running it for real.");
    let source: { type: TEventType; entity: string; entityId: string; payload: unknown; depth: number; causationId: string | null };
    if (input.eventId) {
      const event = await tx.outboxEvent.findFirst({ where: { id: input.eventId, companyId: ctx.companyId } });
      if (!event) throw new AppError("NOT_FOUND", "Event not found.");
      if (event.type !== trigger.eventType) throw new AppError("VALIDATION", "The event is of another type than the trigger's.");
      source = { type: event.type as TEventType, entity: event.entity, entityId: event.entityId, payload: event.payload, depth: event.depth, causationId: event.id };
    } else {
      const type = trigger.eventType as TEventType;
      // A webhook or schedule event belongs to its own trigger (dispatch.ts matches on entityId).
      source = { type, entity: "ManualTestRun", entityId: trigger.id, payload: samplePayload(type, input.sample ?? {}), depth: 0, causationId: null };
    }
    const event = await tx.outboxEvent.create({
      data: { companyId: ctx.companyId, type: source.type, entity: source.entity, entityId: source.entityId, payload: source.payload as never, depth: source.depth, causationId: source.causationId, processedAt: new Date() },
      select: { id: true, createdAt: true },
    });
    const { scope } = eventView({ id: event.id, companyId: ctx.companyId, ...source, createdAt: event.createdAt });
    const execution = await tx.triggerExecution.create({
      data: { companyId: ctx.companyId, triggerId: trigger.id, eventId: event.id, eventData: scope as never, status: "PENDING", testRunById: ctx.actorId },
      select: { id: true },
    });
    await audit({ action: "trigger.test_run", entity: "Trigger", entityId: trigger.id, after: { executionId: execution.id, eventId: event.id, from: input.eventId ? "event" : "sample" } });
    return execution.id;
  });
  // Run in the request so the person sees the outcome; a failure a retry could fix is final here.
  const outcome = await executeTrigger(executionId, { lastAttempt: true, manual: true });
  return { executionId, status: outcome.status };
}
