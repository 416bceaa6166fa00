import "server-only";
import { db } from "@/lib/db";
import { ensureJobQueue, TRIGGER_EXECUTE_TASK } from "@/lib/jobs/queue";
import { eventView, inScope, type TOutboxEvent } from "./event-view";

// The outbox relay: turns committed outbox events into trigger executions. In one transaction it
// claims a batch of unprocessed events (SKIP LOCKED, so several workers share the work), creates one
// execution per matching active trigger — unique per (trigger, event), so a crash and a second run
// create nothing twice — enqueues a job per execution and marks the events processed. Delivery is
// therefore at-least-once up to the executions, and exactly-once into them.

const BATCH = 200;

type TriggerRow = { id: string; companyId: string; eventType: string; taskId: string | null; flowId: string | null; tableId: string | null; eventConfig: { field?: string } | null };

/** Processes pending events until none are left; returns how many executions it created. */
export async function dispatchOutbox(): Promise<{ events: number; executions: number }> {
  await ensureJobQueue();
  let events = 0;
  let executions = 0;
  for (;;) {
    const batch = await db.$transaction(async (tx) => {
      const claimed = await tx.$queryRawUnsafe<TOutboxEvent[]>(
        `SELECT id, "companyId", type::text AS type, entity, "entityId", payload, depth, "createdAt" FROM outbox_events
          WHERE "processedAt" IS NULL ORDER BY "createdAt", id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
      );
      if (claimed.length === 0) return null;
      const companies = [...new Set(claimed.map((event) => event.companyId))];
      const types = [...new Set(claimed.map((event) => event.type))];
      const triggers = await tx.$queryRawUnsafe<TriggerRow[]>(
        `SELECT id, "companyId", "eventType"::text AS "eventType", "taskId", "flowId", "tableId", "eventConfig" FROM triggers
          WHERE "companyId" = ANY($1::uuid[]) AND "eventType"::text = ANY($2::text[]) AND "isActive" AND "archivedAt" IS NULL`,
        companies,
        types,
      );
      const rows: { triggerId: string; eventId: string; companyId: string; eventData: string }[] = [];
      for (const event of claimed) {
        const matching = triggers.filter((trigger) => trigger.companyId === event.companyId && trigger.eventType === event.type);
        if (!matching.length) continue;
        const view = eventView(event);
        for (const trigger of matching) {
          if (!inScope(trigger, view)) continue;
          if (event.type === "FIELD_CHANGED" && trigger.eventConfig?.field && trigger.eventConfig.field !== view.scope.field) continue;
          // A webhook belongs to the one trigger whose URL received it; a schedule to its trigger.
          if ((event.type === "WEBHOOK_RECEIVED" || event.type === "SCHEDULED") && event.entityId !== trigger.id) continue;
          rows.push({ triggerId: trigger.id, eventId: event.id, companyId: event.companyId, eventData: JSON.stringify(view.scope) });
        }
      }
      let created: { id: string }[] = [];
      if (rows.length) {
        created = await tx.$queryRawUnsafe<{ id: string }[]>(
          `INSERT INTO trigger_executions ("companyId", "triggerId", "eventId", "eventData", status)
           SELECT c, t, e, d, 'PENDING' FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::jsonb[]) AS v(c, t, e, d)
           ON CONFLICT ("triggerId", "eventId") DO NOTHING RETURNING id`,
          rows.map((row) => row.companyId),
          rows.map((row) => row.triggerId),
          rows.map((row) => row.eventId),
          rows.map((row) => row.eventData),
        );
        if (created.length) {
          await tx.$queryRawUnsafe(
            `SELECT graphile_worker.add_job('${TRIGGER_EXECUTE_TASK}', json_build_object('executionId', id), max_attempts := 8, job_key := 'trigger-execute:' || id)::text FROM unnest($1::uuid[]) AS id`,
            created.map((row) => row.id),
          );
        }
      }
      await tx.$executeRawUnsafe(`UPDATE outbox_events SET "processedAt" = now() WHERE id = ANY($1::uuid[])`, claimed.map((event) => event.id));
      return { events: claimed.length, executions: created.length };
    }, { timeout: 30_000 });
    if (!batch) return { events, executions };
    events += batch.events;
    executions += batch.executions;
  }
}
