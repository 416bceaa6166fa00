import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { inTransaction, type ServiceContext } from "@/lib/service-context";
import { templateVariables } from "@/lib/triggers/template";
import type { ZCreateEmailTemplate, ZUpdateEmailTemplate } from "./schema";

const variablesOf = (input: { subject: string; bodyHtml: string; bodyText: string | null }) => templateVariables(`${input.subject}\n${input.bodyHtml}\n${input.bodyText ?? ""}`);
const keyTaken = () => new AppError("VALIDATION", "Choose another key.", { fieldErrors: { key: ["A template with this key already exists"] } });

export async function createEmailTemplate(ctx: ServiceContext, input: z.output<typeof ZCreateEmailTemplate>) {
  return inTransaction(ctx, async (tx, audit) => {
    if (await tx.emailTemplate.findFirst({ where: { companyId: ctx.companyId, key: input.key }, select: { id: true } })) throw keyTaken();
    const saved = await tx.emailTemplate.create({ data: { companyId: ctx.companyId, ...input, variables: variablesOf(input) } });
    await audit({ action: "email_template.created", entity: "EmailTemplate", entityId: saved.id, after: { key: saved.key, name: saved.name, subject: saved.subject } });
    return saved;
  });
}

/** Saves a template. Its key is what actions refer to: renaming it is refused while triggers use it. */
export async function updateEmailTemplate(ctx: ServiceContext, input: z.output<typeof ZUpdateEmailTemplate>) {
  return inTransaction(ctx, async (tx, audit) => {
    const current = await tx.emailTemplate.findFirst({ where: { id: input.id, companyId: ctx.companyId } });
    if (!current) throw new AppError("NOT_FOUND", "Template not found.");
    if (input.key !== current.key) {
      if (await tx.emailTemplate.findFirst({ where: { companyId: ctx.companyId, key: input.key }, select: { id: true } })) throw keyTaken();
      const users = await templateUsers(ctx.companyId, current.key);
      if (users.length) throw new AppError("VALIDATION", "The key is in use.", { fieldErrors: { key: [`Triggers send this template by its key: ${users.map((user) => user.name).join(", ")}. Change them first.`] } });
    }
    const { id, ...data } = input;
    const saved = await tx.emailTemplate.update({ where: { id }, data: { ...data, variables: variablesOf(input) } });
    await audit({
      action: "email_template.updated",
      entity: "EmailTemplate",
      entityId: id,
      before: { key: current.key, name: current.name, subject: current.subject, bodyHtml: current.bodyHtml, bodyText: current.bodyText, isActive: current.isActive },
      after: { key: saved.key, name: saved.name, subject: saved.subject, bodyHtml: saved.bodyHtml, bodyText: saved.bodyText, isActive: saved.isActive },
    });
    return saved;
  });
}

/** The triggers whose send_email actions use a template key. */
export async function templateUsers(companyId: string, key: string): Promise<{ id: string; name: string }[]> {
  return db.$queryRawUnsafe<{ id: string; name: string }[]>(
    `SELECT id, name FROM triggers WHERE "companyId" = $1::uuid AND "archivedAt" IS NULL
       AND EXISTS (SELECT 1 FROM jsonb_array_elements(actions) a WHERE a->>'type' = 'send_email' AND a->'config'->>'template' = $2)`,
    companyId,
    key,
  );
}

export async function listEmailTemplates(companyId: string) {
  return db.emailTemplate.findMany({ where: { companyId }, orderBy: { name: "asc" } });
}

export async function getEmailTemplate(companyId: string, id: string) {
  const template = await db.emailTemplate.findFirst({ where: { id, companyId } });
  if (!template) throw new AppError("NOT_FOUND", "Template not found.");
  return { ...template, usedBy: await templateUsers(companyId, template.key) };
}
