"use server";

import { revalidatePath } from "next/cache";
import { companyAction } from "@/lib/action";
import { ZCreateForm, ZFormId, ZPublishForm, ZSaveFormDraft, ZSubmitForm } from "@/lib/forms/schema";
import { createDraftFromPublished, createForm, publishForm, saveFormDraft, setFormArchived, submitForm } from "@/lib/forms/service";

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

export const saveFormDraftAction = companyAction({ schema: ZSaveFormDraft, permission: "tasks.update" }, async ({ input, ctx }) => {
  const saved = await saveFormDraft(ctx, input);
  revalidateForm(input.taskId);
  return saved;
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
