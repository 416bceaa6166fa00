"use server";

import { revalidatePath } from "next/cache";
import { companyAction } from "@/lib/action";
import { ZCreateEmailTemplate, ZUpdateEmailTemplate } from "./schema";
import { createEmailTemplate, updateEmailTemplate } from "./service";

// Server-action adapters over lib/email-templates/service.ts. Templates belong to triggers, so
// changing them needs triggers.update.

export const createEmailTemplateAction = companyAction({ schema: ZCreateEmailTemplate, permission: "triggers.update" }, async ({ input, ctx }) => {
  const saved = await createEmailTemplate(ctx, input);
  revalidatePath("/triggers/templates");
  return { id: saved.id };
});

export const updateEmailTemplateAction = companyAction({ schema: ZUpdateEmailTemplate, permission: "triggers.update" }, async ({ input, ctx }) => {
  const saved = await updateEmailTemplate(ctx, input);
  revalidatePath("/triggers/templates");
  revalidatePath(`/triggers/templates/${saved.id}`);
  return { id: saved.id };
});
