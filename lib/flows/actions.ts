"use server";

import { revalidatePath } from "next/cache";
import { companyAction } from "@/lib/action";
import { isAppError } from "@/lib/errors";
import { actOnInstance, cancelInstance } from "@/lib/flows/runner/act-on-instance";
import { reassignAssignment } from "@/lib/flows/runner/reassign";
import { startInstance } from "@/lib/flows/runner/start-instance";
import { ZActOnInstance, ZBulkAct, ZCancelInstance, ZReassign, ZStartInstance } from "@/lib/flows/schema";

// The flow runner's server actions: parse → authorise → runner → revalidate. Who may act on an
// instance is the engine's decision inside the runner; the permissions here are the coarse gate.

function revalidateInstance(instanceId: string): void {
  revalidatePath("/inbox");
  revalidatePath("/requests");
  revalidatePath(`/instances/${instanceId}`);
}

export const startInstanceAction = companyAction({ schema: ZStartInstance, permission: "instances.create" }, async ({ input, ctx }) => {
  const result = await startInstance(ctx, input);
  revalidateInstance(result.instanceId);
  return result;
});

export const actOnInstanceAction = companyAction({ schema: ZActOnInstance, permission: "instances.view" }, async ({ input, ctx }) => {
  const result = await actOnInstance(ctx, input);
  revalidateInstance(result.instanceId);
  return result;
});

export type BulkItemResult = { instanceId: string; ok: boolean; error?: string; fieldErrors?: Record<string, string[]> };

/**
 * Approve or reject several requests at once. Each is checked and applied on its own, in its own
 * transition (nothing is ever half-applied to one request); the answer says what happened to each.
 */
export const bulkActAction = companyAction({ schema: ZBulkAct, permission: "instances.view" }, async ({ input, ctx }) => {
  const results: BulkItemResult[] = [];
  for (const instanceId of input.instanceIds) {
    try {
      await actOnInstance(ctx, { instanceId, action: input.action, comment: input.comment, reason: input.reason, expectedVersion: input.versions?.[instanceId] });
      results.push({ instanceId, ok: true });
    } catch (error) {
      if (!isAppError(error)) {
        console.error(`bulk ${input.action} of ${instanceId} failed:`, error);
        results.push({ instanceId, ok: false, error: "Something went wrong on our side with this request." });
        continue;
      }
      results.push({ instanceId, ok: false, error: error.message, ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}) });
    }
  }
  revalidatePath("/inbox");
  revalidatePath("/requests");
  for (const result of results) if (result.ok) revalidatePath(`/instances/${result.instanceId}`);
  return { results, succeeded: results.filter((result) => result.ok).length, failed: results.filter((result) => !result.ok).length };
});

export const reassignAction = companyAction({ schema: ZReassign, permission: "instances.update" }, async ({ input, ctx }) => {
  const result = await reassignAssignment(ctx, input);
  revalidateInstance(result.instanceId);
  return result;
});

export const cancelInstanceAction = companyAction({ schema: ZCancelInstance, permission: "instances.view" }, async ({ input, ctx }) => {
  const result = await cancelInstance(ctx, input);
  revalidateInstance(result.instanceId);
  return result;
});
