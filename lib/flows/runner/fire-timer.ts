import "server-only";
import { z } from "zod";
import { loadVersion } from "./definitions";
import { applyTransition } from "./persist";
import { planWrites } from "./plan";
import { loadInstance, runEvents } from "./transition";

// A due-time timer (reminder or escalation) fired by the job queue. Timers are at-least-once: the
// queue may run one twice (a crashed worker's job is released and run again) and several workers
// may race. The engine makes a stale or repeated timer a no-op, and the compare-and-set makes a
// concurrent one lose; the loser re-reads and asks the engine again, which then answers no-op. So a
// timer never fires twice and its job never ends in an endless retry.

export const ZTimerPayload = z.object({
  companyId: z.string().uuid(),
  instanceId: z.string().uuid(),
  levelId: z.string().uuid(),
  visit: z.number().int().min(1),
  kind: z.enum(["reminder", "escalation"]),
});
export type TTimerPayload = z.infer<typeof ZTimerPayload>;

export type TimerOutcome = "fired" | "noop" | "missing";

const MAX_ATTEMPTS = 25;

/** Applies a timer to its instance (as the system, no acting user). */
export async function fireTimer(payload: TTimerPayload, options: { at?: Date } = {}): Promise<TimerOutcome> {
  for (let attempt = 1; ; attempt++) {
    const instance = await loadInstance(payload.companyId, payload.instanceId);
    if (!instance) return "missing";
    const version = await loadVersion(payload.companyId, instance.flowVersionId);
    if (!version) return "missing";
    const at = (options.at ?? new Date()).toISOString();
    const run = await runEvents({
      version,
      companyId: payload.companyId,
      state: instance.state,
      events: [{ type: "timer_fired", kind: payload.kind, levelId: payload.levelId, visit: payload.visit, at }],
      initiatorManagerId: instance.initiatorManagerId,
    });
    // A timer has no actor to refuse; a refusal here is a definition problem no retry will fix.
    if (!run.ok) throw new Error(`Timer ${payload.kind} of instance ${payload.instanceId} refused: ${run.error.code}: ${run.error.message}`);
    if (run.noop) return "noop";
    const plan = planWrites({
      instanceId: instance.id,
      flowId: instance.flowId,
      flowVersionId: instance.flowVersionId,
      flowName: instance.flowName,
      definition: version.definition,
      actorNames: {},
      steps: run.steps,
    });
    const applied = await applyTransition({ instanceId: instance.id, companyId: payload.companyId, seenVersion: instance.version, plan });
    if (applied.applied) {
      return "fired";
    }
    if (attempt >= MAX_ATTEMPTS) throw new Error(`Timer ${payload.kind} of instance ${payload.instanceId}: too much contention, retried ${MAX_ATTEMPTS} times`);
  }
}
