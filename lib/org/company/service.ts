import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordFile, storeUpload } from "@/lib/files/storage";
import { Prisma } from "@/lib/generated/prisma/client";
import { LOGO_MAX_BYTES, LOGO_TYPES, type ZCompanySettings, type ZCreateCompany } from "@/lib/org/company/schema";
import { inTransaction, type ServiceContext } from "@/lib/service-context";
import { recordAudit } from "@/lib/audit/record";

const auditable = { id: true, name: true, domain: true, primaryColor: true, secondaryColor: true, logoFileId: true } as const;

function uniqueViolation(error: unknown, field: string, message: string): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    throw new AppError("VALIDATION", message, { fieldErrors: { [field]: [message] } });
  }
  throw error;
}

/** Name, domain, colours and logo of the caller's company. The logo file is written before the transaction; a failed save leaves only an unreferenced file. */
export async function updateCompanySettings(ctx: ServiceContext, input: z.output<typeof ZCompanySettings>) {
  const logo = input.logo && input.logo.size > 0 ? await storeUpload(ctx.companyId, input.logo as File, { maxBytes: LOGO_MAX_BYTES, allowedTypes: LOGO_TYPES, field: "logo" }) : null;
  return inTransaction(ctx, async (tx, audit) => {
    const before = await tx.company.findUniqueOrThrow({ where: { id: ctx.companyId }, select: auditable });
    let logoFileId = input.removeLogo ? null : before.logoFileId;
    if (logo) logoFileId = (await recordFile(tx, ctx.companyId, ctx.actorId, logo, { context: "logo", contextId: ctx.companyId })).id;
    const after = await tx.company
      .update({
        where: { id: ctx.companyId },
        data: { name: input.name, domain: input.domain, primaryColor: input.primaryColor, secondaryColor: input.secondaryColor, logoFileId },
        select: auditable,
      })
      .catch((error) => uniqueViolation(error, "domain", "Another company already uses this domain."));
    await audit({ action: "company.updated", entity: "Company", entityId: ctx.companyId, before, after });
    return after;
  });
}

/** A new company (DEVELOPER only — the caller checks the system role). Audited in both companies. */
export async function createCompany(ctx: ServiceContext, input: z.output<typeof ZCreateCompany>) {
  return inTransaction(ctx, async (tx, audit) => {
    const company = await tx.company.create({ data: { name: input.name, slug: input.slug }, select: { id: true, name: true, slug: true } }).catch((error) => uniqueViolation(error, "slug", "This slug is taken."));
    await audit({ action: "company.created", entity: "Company", entityId: company.id, after: company });
    await recordAudit(tx, { ...ctx, companyId: company.id }, { action: "company.created", entity: "Company", entityId: company.id, after: company });
    return company;
  });
}

/** Moves a DEVELOPER's session into another company; audited in the company entered. */
export async function switchCompany(ctx: ServiceContext, sessionId: string, companyId: string) {
  const target = await db.company.findFirst({ where: { id: companyId, isActive: true }, select: { id: true, name: true } });
  if (!target) throw new AppError("NOT_FOUND", "Company not found.");
  return inTransaction({ ...ctx, companyId: target.id }, async (tx, audit) => {
    await tx.session.update({ where: { id: sessionId }, data: { companyId: target.id } });
    await audit({ action: "company.entered", entity: "Company", entityId: target.id, metadata: { fromCompanyId: ctx.companyId } });
    return target;
  });
}

export async function listAllCompanies() {
  return db.company.findMany({ where: { isActive: true }, orderBy: { name: "asc" }, select: { id: true, name: true, slug: true } });
}

export async function getCompanySettings(companyId: string) {
  return db.company.findUniqueOrThrow({ where: { id: companyId }, select: { ...auditable, slug: true } });
}
