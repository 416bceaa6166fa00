import "server-only";
import type { z } from "zod";
import { AppError } from "@/lib/errors";
import type { InputJsonValue } from "@/lib/generated/prisma/internal/prismaNamespace";
import { inTransaction, type ServiceContext } from "@/lib/service-context";
import type { ZCreateDataset, ZDatasetStatusChange, ZUpdateDataset } from "./schema";

const json = (value: unknown) => value as InputJsonValue;
const SELECT = { id: true, name: true, description: true, category: true, sections: true, visibility: true, status: true, updatedAt: true, publishedAt: true } as const;

function nameTaken(): AppError {
  return new AppError("VALIDATION", "Choose another name.", { fieldErrors: { name: ["A dataset with this name already exists"] } });
}

export async function createDataset(ctx: ServiceContext, input: z.output<typeof ZCreateDataset>) {
  return inTransaction(ctx, async (tx, audit) => {
    if (await tx.dataset.findFirst({ where: { companyId: ctx.companyId, name: input.name }, select: { id: true } })) throw nameTaken();
    const dataset = await tx.dataset.create({
      data: { companyId: ctx.companyId, name: input.name, description: input.description, category: input.category, sections: json(input.sections), visibility: json(input.visibility) },
      select: SELECT,
    });
    await audit({ action: "dataset.created", entity: "Dataset", entityId: dataset.id, after: { name: dataset.name, sections: input.sections.map((section) => `${section.key} (${section.items.length})`) } });
    return dataset;
  });
}

/** Saves a dataset; refused when someone else saved it since `expectedUpdatedAt`. Archived: read-only. */
export async function updateDataset(ctx: ServiceContext, input: z.output<typeof ZUpdateDataset>) {
  return inTransaction(ctx, async (tx, audit) => {
    const current = await tx.dataset.findFirst({ where: { id: input.id, companyId: ctx.companyId }, select: SELECT });
    if (!current) throw new AppError("NOT_FOUND", "Dataset not found.");
    if (current.status === "ARCHIVED") throw new AppError("CONFLICT", "This dataset is archived; restore it to a draft before editing.");
    if (input.expectedUpdatedAt && new Date(input.expectedUpdatedAt).getTime() !== current.updatedAt.getTime()) {
      throw new AppError("CONFLICT", `Someone else saved this dataset at ${current.updatedAt.toISOString().slice(11, 16)} UTC; reload to see their changes.`);
    }
    if (input.name !== current.name && (await tx.dataset.findFirst({ where: { companyId: ctx.companyId, name: input.name }, select: { id: true } }))) throw nameTaken();
    const saved = await tx.dataset.update({
      where: { id: current.id },
      data: { name: input.name, description: input.description, category: input.category, sections: json(input.sections), visibility: json(input.visibility) },
      select: SELECT,
    });
    await audit({
      action: "dataset.updated",
      entity: "Dataset",
      entityId: current.id,
      before: { name: current.name, description: current.description, category: current.category, sections: current.sections, visibility: current.visibility },
      after: { name: saved.name, description: saved.description, category: saved.category, sections: saved.sections, visibility: saved.visibility },
    });
    return saved;
  });
}

/** DRAFT → PUBLISHED (forms may use it) → ARCHIVED (hidden); an archived dataset can go back to DRAFT. */
export async function setDatasetStatus(ctx: ServiceContext, input: z.output<typeof ZDatasetStatusChange>) {
  return inTransaction(ctx, async (tx, audit) => {
    const current = await tx.dataset.findFirst({ where: { id: input.id, companyId: ctx.companyId }, select: { id: true, status: true } });
    if (!current) throw new AppError("NOT_FOUND", "Dataset not found.");
    if (current.status === input.status) return { id: current.id, status: current.status };
    const saved = await tx.dataset.update({
      where: { id: current.id },
      data: { status: input.status, ...(input.status === "PUBLISHED" ? { publishedAt: new Date() } : {}) },
      select: { id: true, status: true },
    });
    await audit({ action: `dataset.${input.status.toLowerCase()}`, entity: "Dataset", entityId: current.id, before: { status: current.status }, after: { status: saved.status } });
    return saved;
  });
}
