"use server";

import { revalidatePath } from "next/cache";
import { companyAction } from "@/lib/action";
import { isAppError } from "@/lib/errors";
import { getDraft } from "@/lib/forms/queries";
import { ZCreateForm, ZFormId, ZPublishForm, ZSaveFormDraft, ZSubmitForm, ZTestSubmission } from "@/lib/forms/schema";
import { createDraftFromPublished, createForm, publishForm, saveFormDraft, setFormArchived, submitForm, testSubmission } from "@/lib/forms/service";

// Server-action adapters over lib/forms/service.ts: parse → authorise → call the service → revalidate.

const revalidateForm = (taskId?: string) => {
  revalidatePath("/forms");
  if (taskId) revalidatePath(`/forms/${taskId}`, "layout");
};

export const createFormAction = companyAction({ schema: ZCreateForm, permission: "tasks.create" }, async ({ input, ctx }) => {
  const created = await createForm(ctx, input);
  revalidateForm();
  return { id: created.id };
});

export type TDraftConflict = { savedAt: string; savedBy: string | null; revision: number };

/**
 * Autosave of the builder. Another designer's save in between is an outcome the builder must show
 * (reload theirs or overwrite), so that conflict comes back as data, not as an error toast.
 */
export const saveFormDraftAction = companyAction({ schema: ZSaveFormDraft, permission: "tasks.update" }, async ({ input, ctx }) => {
  try {
    const saved = await saveFormDraft(ctx, input);
    revalidateForm(input.taskId);
    return { saved: true as const, revision: saved.revision, savedAt: new Date().toISOString() };
  } catch (error) {
    const details = isAppError(error) && error.code === "CONFLICT" ? error.details : undefined;
    if (!details || typeof details.revision !== "number") throw error;
    const conflict: TDraftConflict = { savedAt: String(details.savedAt), savedBy: typeof details.savedBy === "string" ? details.savedBy : null, revision: details.revision };
    return { saved: false as const, conflict };
  }
});

/** The draft as stored now (the builder's "reload their version"). */
export const loadFormDraftAction = companyAction({ schema: ZFormId, permission: "tasks.update" }, async ({ input, principal }) => {
  return getDraft(principal.companyId, input.taskId);
});

/** The builder's "test submit": the server's verdict on values for the draft being edited; stores nothing. */
export const testSubmitFormAction = companyAction({ schema: ZTestSubmission, permission: "tasks.update" }, async ({ input, ctx }) => {
  return testSubmission(ctx, input);
});

export const publishFormAction = companyAction({ schema: ZPublishForm, permission: "tasks.publish" }, async ({ input, ctx }) => {
  const published = await publishForm(ctx, input);
  revalidateForm(input.taskId);
  return { number: published.number };
});

export const createDraftFromPublishedAction = companyAction({ schema: ZFormId, permission: "tasks.update" }, async ({ input, ctx }) => {
  const draft = await createDraftFromPublished(ctx, input);
  revalidateForm(input.taskId);
  return { number: draft.number, revision: draft.revision };
});

export const archiveFormAction = companyAction({ schema: ZFormId, permission: "tasks.delete" }, async ({ input, ctx }) => {
  const result = await setFormArchived(ctx, { ...input, archived: true });
  revalidateForm(input.taskId);
  return result;
});

export const unarchiveFormAction = companyAction({ schema: ZFormId, permission: "tasks.delete" }, async ({ input, ctx }) => {
  const result = await setFormArchived(ctx, { ...input, archived: false });
  revalidateForm(input.taskId);
  return result;
});

/** Filling in a standalone form is what viewing it is for: tasks.view suffices. */
export const submitFormAction = companyAction({ schema: ZSubmitForm, permission: "tasks.view" }, async ({ input, ctx }) => {
  const submitted = await submitForm(ctx, input);
  revalidateForm(input.taskId);
  return { id: submitted.id, version: submitted.version };
});
