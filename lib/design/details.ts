import "server-only";
import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { inTransaction, type ServiceContext } from "@/lib/service-context";
import type { ZRenameDesign } from "./details-schema";

// Renaming a flow or a form. The name lives on the flow/task row, not on a version, so it changes
// for every version at once (instances and submissions show the current name) and is audited.

export type DesignKind = "flow" | "form";

const ENTITY = { flow: { entity: "Flow", action: "flow.renamed", missing: "Flow not found." }, form: { entity: "Task", action: "task.renamed", missing: "Form not found." } } as const;

const select = { id: true, name: true, description: true } as const;

export async function renameDesign(ctx: ServiceContext, kind: DesignKind, input: z.output<typeof ZRenameDesign>) {
  const { entity, action, missing } = ENTITY[kind];
  return inTransaction(ctx, async (tx, audit) => {
    const where = { id: input.id, companyId: ctx.companyId };
    const data = { name: input.name, ...(input.description === undefined ? {} : { description: input.description }) };
    const before = kind === "flow" ? await tx.flow.findFirst({ where, select }) : await tx.task.findFirst({ where, select });
    if (!before) throw new AppError("NOT_FOUND", missing);
    if (before.name === data.name && (data.description === undefined || before.description === data.description)) return before;
    const after = kind === "flow" ? await tx.flow.update({ where: { id: before.id }, data, select }) : await tx.task.update({ where: { id: before.id }, data, select });
    await audit({ action, entity, entityId: after.id, before, after });
    return after;
  });
}
