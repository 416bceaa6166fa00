"use server";

import { revalidatePath } from "next/cache";
import { companyAction } from "@/lib/action";
import { isAppError } from "@/lib/errors";
import { ZCreateFlow, ZFlowId, ZPublishFlow, ZSaveFlowDraft } from "@/lib/flows/editor/schema";
import { createFlow, createFlowDraftFromPublished, publishFlow, saveFlowDraft, setFlowArchived } from "@/lib/flows/service";

// Server-action adapters over lib/flows/service.ts (flow design): parse → authorise → service → revalidate.

const revalidateFlow = (flowId?: string) => {
  revalidatePath("/flows");
  if (flowId) revalidatePath(`/flows/${flowId}`, "layout");
};

export const createFlowAction = companyAction({ schema: ZCreateFlow, permission: "flows.create" }, async ({ input, ctx }) => {
  const created = await createFlow(ctx, input);
  revalidateFlow();
  return { id: created.id };
});

export type SaveDraftOutcome = { status: "saved"; revision: number; savedAt: string } | { status: "conflict"; message: string };

// Autosave: the editor page keeps its own state, so only the list and overview need fresh data. A
// conflict is an expected outcome the editor must tell apart (it stops autosaving), so it is data.
export const saveFlowDraftAction = companyAction({ schema: ZSaveFlowDraft, permission: "flows.update" }, async ({ input, ctx }): Promise<SaveDraftOutcome> => {
  try {
    const saved = await saveFlowDraft(ctx, input);
    revalidatePath("/flows");
    revalidatePath(`/flows/${input.flowId}`);
    return { status: "saved", revision: saved.revision, savedAt: saved.savedAt.toISOString() };
  } catch (error) {
    if (isAppError(error) && error.code === "CONFLICT") return { status: "conflict", message: error.message };
    throw error;
  }
});

export const publishFlowAction = companyAction({ schema: ZPublishFlow, permission: "flows.publish" }, async ({ input, ctx }) => {
  const published = await publishFlow(ctx, input);
  revalidateFlow(input.flowId);
  return { number: published.number, warnings: published.warnings.length };
});

export const createFlowDraftAction = companyAction({ schema: ZFlowId, permission: "flows.update" }, async ({ input, ctx }) => {
  const draft = await createFlowDraftFromPublished(ctx, input);
  revalidateFlow(input.flowId);
  return { number: draft.number, revision: draft.revision };
});

export const archiveFlowAction = companyAction({ schema: ZFlowId, permission: "flows.delete" }, async ({ input, ctx }) => {
  const result = await setFlowArchived(ctx, { ...input, archived: true });
  revalidateFlow(input.flowId);
  return result;
});

export const unarchiveFlowAction = companyAction({ schema: ZFlowId, permission: "flows.delete" }, async ({ input, ctx }) => {
  const result = await setFlowArchived(ctx, { ...input, archived: false });
  revalidateFlow(input.flowId);
  return result;
});
