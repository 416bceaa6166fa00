import "server-only";
import { sqlTransaction } from "@/lib/flows/runner/sql";
import { ensureJobQueue, TRIGGER_EXECUTE_TASK } from "@/lib/jobs/queue";
import { reactsToEnding } from "./definition";
import { eventView, inScope, type TOutboxEvent } from "./event-view";

// The outbox relay: turns committed outbox events into trigger executions. In one transaction it
// claims a batch of unprocessed events (SKIP LOCKED, so several workers share the work), creates one
// execution per matching active trigger — unique per (trigger, event), so a crash and a second run
// create nothing twice — enqueues a job per execution and marks the events processed. Delivery is
// therefore at-least-once up to the executions, and exactly-once into them.
//
// Three round trips per batch, through plain `pg`: BEGIN sent together with the claim (which marks
// the events processed and reads the company's active triggers for each claimed event type in the
// same statement — no separate trigger query, no cache to invalidate), the inserts with their jobs,
// COMMIT. Matching (scope, watched field, the webhook's own trigger) stays in TypeScript (event-view.ts).

const BATCH = 200;

type TriggerRow = { id: string; companyId: string; eventType: string; taskId: string | null; flowId: string | null; tableId: string | null; eventConfig: { field?: string; endings?: string[] } | null };

const CLAIM = `WITH claimed AS (
    SELECT id FROM outbox_events WHERE "processedAt" IS NULL ORDER BY "createdAt", id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED),
  marked AS (
    UPDATE outbox_events o SET "processedAt" = now() AT TIME ZONE 'UTC' FROM claimed WHERE o.id = claimed.id
    RETURNING o.id, o."companyId", o.type, o.entity, o."entityId", o.payload, o.depth, o."createdAt")
  SELECT m.id, m."companyId", m.type::text AS type, m.entity, m."entityId", m.payload, m.depth, m."createdAt" AT TIME ZONE 'UTC' AS "createdAt",
    (SELECT coalesce(json_agg(json_build_object('id', t.id, 'companyId', t."companyId", 'taskId', t."taskId", 'flowId', t."flowId", 'tableId', t."tableId", 'eventConfig', t."eventConfig")), '[]'::json)
       FROM triggers t WHERE t."companyId" = m."companyId" AND t."eventType" = m.type AND t."isActive" AND t."archivedAt" IS NULL) AS triggers
  FROM marked m ORDER BY m."createdAt", m.id`;

const CREATE = `WITH created AS (
    INSERT INTO trigger_executions ("companyId", "triggerId", "eventId", "eventData", status)
    SELECT v."companyId", v."triggerId", v."eventId", v."eventData", 'PENDING' FROM jsonb_to_recordset($1::jsonb) AS v("companyId" uuid, "triggerId" uuid, "eventId" uuid, "eventData" jsonb)
    ON CONFLICT ("triggerId", "eventId") DO NOTHING RETURNING id)
  SELECT count(job)::int AS count FROM (
    SELECT graphile_worker.add_job('${TRIGGER_EXECUTE_TASK}', json_build_object('executionId', id), max_attempts := 8, job_key := 'trigger-execute:' || id)::text AS job FROM created) AS jobs`;

type ClaimedEvent = TOutboxEvent & { triggers: TriggerRow[] };

/** The executions a batch of events calls for: one per (event, matching trigger). */
function executionsFor(claimed: ClaimedEvent[]) {
  const rows: { triggerId: string; eventId: string; companyId: string; eventData: unknown }[] = [];
  for (const event of claimed) {
    if (!event.triggers.length) continue;
    const view = eventView(event);
    for (const trigger of event.triggers) {
      if (!inScope(trigger, view)) continue;
      if (event.type === "FIELD_CHANGED" && trigger.eventConfig?.field && trigger.eventConfig.field !== view.scope.field) continue;
      if (event.type === "FLOW_COMPLETED" && !reactsToEnding(trigger.eventConfig?.endings, view.scope.status)) continue;
      // A webhook belongs to the one trigger whose URL received it; a schedule to its trigger.
      if ((event.type === "WEBHOOK_RECEIVED" || event.type === "SCHEDULED") && event.entityId !== trigger.id) continue;
      rows.push({ triggerId: trigger.id, eventId: event.id, companyId: event.companyId, eventData: view.scope });
    }
  }
  return rows;
}

/** Processes pending events until none are left; returns how many executions it created. */
export async function dispatchOutbox(): Promise<{ events: number; executions: number }> {
  await ensureJobQueue();
  let events = 0;
  let executions = 0;
  for (;;) {
    const batch = await sqlTransaction(
      async (query, begun) => {
        const claimed = begun as ClaimedEvent[];
        if (claimed.length === 0) return null;
        const rows = executionsFor(claimed);
        const [created] = rows.length ? await query<{ count: number }>({ name: "trigger-dispatch-create", text: CREATE, values: [JSON.stringify(rows)] }) : [];
        return { events: claimed.length, executions: created?.count ?? 0 };
      },
      { begin: CLAIM },
    );
    if (!batch) return { events, executions };
    events += batch.events;
    executions += batch.executions;
  }
}
