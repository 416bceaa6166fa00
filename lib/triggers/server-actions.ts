"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { companyAction } from "@/lib/action";
import { db } from "@/lib/db";
import { EVENT_TYPES, type TTriggerInput } from "./definition";
import { triggerTypeEnv } from "./event-env";
import { runTriggerManually } from "./manual-run";
import { ZManualRun } from "./manual-run-schema";
import { listRecentEvents } from "./queries";
import { rerunExecution } from "./rerun";
import { ZRotateSecret } from "./secret-schema";
import { rotateSecret } from "./secrets";
import { archiveTrigger, createTrigger, setTriggerActive, updateTrigger } from "./service";
import { testTrigger } from "./test-run";

// Server-action adapters over lib/triggers (parse → authorise → service → revalidate). The trigger
// itself is parsed by the service with ZTriggerInput so its field errors keep their paths.

const revalidateTriggers = (triggerId?: string) => {
  revalidatePath("/triggers");
  if (triggerId) revalidatePath(`/triggers/${triggerId}`);
};

const ZTriggerId = z.object({ triggerId: z.uuid() });

// The trigger is parsed once, by the service, with ZTriggerInput (the editor's resolver schema): it
// takes raw input (its transforms turn "" into null, which a second parse would refuse), and its field
// errors keep the editor's paths ("actions.1.config.template") rather than gaining a prefix here.
export const createTriggerAction = companyAction({ schema: z.custom<TTriggerInput>(), permission: "triggers.create" }, async ({ input, ctx }) => {
  const created = await createTrigger(ctx, input);
  revalidateTriggers();
  return { id: created.id, updatedAt: created.updatedAt.toISOString(), secret: created.secret, nextRun: created.nextRun ? new Date(created.nextRun).toISOString() : null, warnings: created.warnings };
});

export const updateTriggerAction = companyAction(
  { schema: z.object({ triggerId: z.uuid(), expectedUpdatedAt: z.iso.datetime(), trigger: z.custom<TTriggerInput>() }), permission: "triggers.update" },
  async ({ input, ctx }) => {
    const saved = await updateTrigger(ctx, { triggerId: input.triggerId, expectedUpdatedAt: input.expectedUpdatedAt }, input.trigger);
    revalidateTriggers(input.triggerId);
    return { id: saved.id, updatedAt: saved.updatedAt.toISOString(), warnings: saved.warnings };
  },
);

export const setTriggerActiveAction = companyAction({ schema: ZTriggerId.extend({ isActive: z.boolean() }), permission: "triggers.update" }, async ({ input, ctx }) => {
  await setTriggerActive(ctx, input);
  revalidateTriggers(input.triggerId);
  return { isActive: input.isActive };
});

export const archiveTriggerAction = companyAction({ schema: ZTriggerId, permission: "triggers.delete" }, async ({ input, ctx }) => {
  await archiveTrigger(ctx, input);
  revalidateTriggers();
  return { archived: true };
});

export const rotateSecretAction = companyAction({ schema: ZRotateSecret, permission: "triggers.update" }, async ({ input, ctx }) => {
  const rotated = await rotateSecret(ctx, input);
  revalidateTriggers(input.triggerId);
  return { secret: rotated.secret, previousValidUntil: rotated.previousValidUntil.toISOString() };
});

export const rerunExecutionAction = companyAction({ schema: z.object({ executionId: z.uuid() }), permission: "triggers.update" }, async ({ input, ctx }) => {
  const result = await rerunExecution(ctx, input);
  revalidatePath("/triggers/executions");
  revalidatePath(`/triggers/executions/${input.executionId}`);
  return result;
});

const ZScope = z.object({ eventType: z.enum(EVENT_TYPES), taskId: z.uuid().nullable(), flowId: z.uuid().nullable(), tableId: z.uuid().nullable() });

/** The fields a condition may read for an event type and scope (the editor reloads them on change). */
export const triggerFieldsAction = companyAction({ schema: ZScope, permission: "triggers.view" }, async ({ input, principal }) => triggerTypeEnv(db, principal.companyId, input));

export const recentEventsAction = companyAction({ schema: z.object({ type: z.enum(EVENT_TYPES) }), permission: "triggers.view" }, async ({ input, principal }) => listRecentEvents(principal.companyId, { type: input.type }));

/** The editor's "Test": nothing is written, so viewing triggers is enough. */
export const testTriggerAction = companyAction(
  { schema: z.object({ trigger: z.unknown(), eventId: z.uuid().optional(), sample: z.record(z.string(), z.unknown()).optional() }), permission: "triggers.view" },
  async ({ input, principal }) => testTrigger(principal.companyId, input),
);

/** "Run for real": the saved trigger's actions run now, recorded as a manual test run. */
export const runTriggerManuallyAction = companyAction(
  { schema: ZManualRun, permission: "triggers.update" },
  async ({ input, ctx }) => {
    const result = await runTriggerManually(ctx, input);
    revalidatePath("/triggers/executions");
    return result;
  },
);
