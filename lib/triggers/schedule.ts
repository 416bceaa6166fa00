import "server-only";
import { z } from "zod";
import { db, type Tx } from "@/lib/db";
import { ensureJobQueue, TRIGGER_SCHEDULE_TASK } from "@/lib/jobs/queue";
import { nextRuns } from "./cron";

// SCHEDULED triggers: each active one has exactly one pending job (job key per trigger) for its next
// slot. When it fires, one transaction writes the SCHEDULED outbox event — deduplicated per
// (trigger, slot), so a slot never fires twice, whatever crashes or duplicate jobs happen — and
// enqueues the following slot. Jobs live in the database, so the chain survives worker restarts;
// slots missed while no worker ran are not replayed one by one: the next fire is the next slot
// after now.

export const ZSchedulePayload = z.object({ triggerId: z.uuid(), slot: z.iso.datetime() });

type ScheduledTrigger = { id: string; isActive: boolean; archivedAt: Date | null; eventType: string; eventConfig: unknown };

function cronOf(trigger: ScheduledTrigger): { cron: string; timeZone: string } | null {
  const config = (trigger.eventConfig ?? {}) as { cron?: string; timeZone?: string };
  if (trigger.eventType !== "SCHEDULED" || !trigger.isActive || trigger.archivedAt || !config.cron) return null;
  return { cron: config.cron, timeZone: config.timeZone || "UTC" };
}

/** Puts the trigger's next slot (after `after`) in the queue, or removes its job when it should not run. */
export async function syncSchedule(tx: Tx, trigger: ScheduledTrigger, after = new Date()): Promise<Date | null> {
  await ensureJobQueue();
  const schedule = cronOf(trigger);
  const jobKey = `trigger-schedule:${trigger.id}`;
  if (!schedule) {
    await tx.$queryRawUnsafe(`SELECT graphile_worker.remove_job($1)::text`, jobKey);
    return null;
  }
  const [slot] = nextRuns(schedule.cron, schedule.timeZone, after, 1);
  if (!slot) return null;
  await tx.$queryRawUnsafe(
    `SELECT graphile_worker.add_job('${TRIGGER_SCHEDULE_TASK}', json_build_object('triggerId', $1::text, 'slot', $2::text), run_at := $3::timestamptz, job_key := $4, job_key_mode := 'replace', max_attempts := 10)::text`,
    trigger.id,
    slot.toISOString(),
    slot.toISOString(),
    jobKey,
  );
  return slot;
}

/** The job: record the slot's event (once) and queue the next slot, in one transaction. */
export async function fireSchedule(payload: z.output<typeof ZSchedulePayload>): Promise<{ fired: boolean }> {
  return db.$transaction(async (tx) => {
    const trigger = await tx.trigger.findUnique({ where: { id: payload.triggerId }, select: { id: true, companyId: true, isActive: true, archivedAt: true, eventType: true, eventConfig: true } });
    if (!trigger || !cronOf(trigger)) return { fired: false };
    const inserted = await tx.$queryRawUnsafe<{ id: string }[]>(
      `INSERT INTO outbox_events ("companyId", type, entity, "entityId", payload, "dedupeKey") VALUES ($1::uuid, 'SCHEDULED', 'Trigger', $2, $3::jsonb, $4)
       ON CONFLICT ("companyId", "dedupeKey") DO NOTHING RETURNING id`,
      trigger.companyId,
      trigger.id,
      JSON.stringify({ triggerId: trigger.id, scheduledFor: payload.slot }),
      `scheduled:${trigger.id}:${payload.slot}`,
    );
    const slot = new Date(payload.slot);
    const now = new Date();
    await syncSchedule(tx, trigger, slot > now ? slot : now);
    return { fired: inserted.length > 0 };
  });
}
