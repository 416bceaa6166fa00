import "server-only";
import type { z } from "zod";
import type { Tx } from "@/lib/db";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { isUuid } from "@/lib/ids";
import { inTransaction, type ServiceContext } from "@/lib/service-context";
import type { TFlowDefinition } from "./definition";
import type { JsonObject } from "./engine/types";
import { formFieldEnvs } from "./form-envs";
import { simulationContextFor } from "./simulate/context";
import { runGoldenCase, type GoldenCaseResult } from "./simulate/route";
import { ZSimRoute, type GoldenCaseDto, type ZCreateGoldenCase, type ZGoldenCaseRef, type ZUpdateGoldenCase } from "./simulate/schema";
import type { SimRoute } from "./simulate/types";

// Golden cases of a flow: sample submissions with the route the designer expects. Every function
// scopes by the caller's company (a foreign flow or case is NOT_FOUND, like a missing one), writes
// in one transaction and audits. Publishing replays them (checkGoldenCases).

const select = { id: true, name: true, data: true, expected: true, createdAt: true, updatedAt: true } as const;
type Row = { id: string; name: string; data: unknown; expected: unknown; createdAt: Date; updatedAt: Date };

// A stored route that no longer parses (a hand-edited row) is shown as stuck rather than crashing a page.
function routeOf(raw: unknown): SimRoute {
  const parsed = ZSimRoute.safeParse(raw);
  return parsed.success ? parsed.data : { steps: [], status: "STUCK", stuckReason: "The stored route cannot be read" };
}

const dto = (row: Row): GoldenCaseDto => ({
  id: row.id,
  name: row.name,
  data: (row.data ?? {}) as Record<string, unknown>,
  expected: routeOf(row.expected),
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

async function assertFlow(tx: Tx, companyId: string, flowId: string) {
  const flow = await tx.flow.findFirst({ where: { id: flowId, companyId }, select: { id: true } });
  if (!flow) throw new AppError("NOT_FOUND", "Flow not found.");
}

function duplicateName(error: unknown, name: string): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    const message = `A golden case named "${name}" already exists.`;
    throw new AppError("VALIDATION", message, { fieldErrors: { name: [message] } });
  }
  throw error;
}

/** The golden cases of a flow of the company, by name. */
export async function listGoldenCases(companyId: string, flowId: string): Promise<GoldenCaseDto[]> {
  if (!isUuid(flowId)) throw new AppError("NOT_FOUND", "Flow not found.");
  await assertFlow(db, companyId, flowId);
  const rows = await db.flowGoldenCase.findMany({ where: { flowId, companyId }, orderBy: { name: "asc" }, select, take: 500 });
  return rows.map(dto);
}

/** Saves a sample submission and its expected route (e.g. the current simulation) as a golden case. */
export async function createGoldenCase(ctx: ServiceContext, input: z.output<typeof ZCreateGoldenCase>): Promise<GoldenCaseDto> {
  if (!ctx.actorId) throw new AppError("FORBIDDEN", "Golden cases are saved by people; this request has no user.");
  const createdById = ctx.actorId;
  return inTransaction(ctx, async (tx, audit) => {
    await assertFlow(tx, ctx.companyId, input.flowId);
    const row = await tx.flowGoldenCase
      .create({ data: { companyId: ctx.companyId, flowId: input.flowId, name: input.name, data: input.data as Prisma.InputJsonObject, expected: input.expected as Prisma.InputJsonObject, createdById }, select })
      .catch((error) => duplicateName(error, input.name));
    await audit({ action: "flow.golden_case_created", entity: "Flow", entityId: input.flowId, metadata: { caseId: row.id, name: row.name } });
    return dto(row);
  });
}

/** Renames a case or replaces its data or expected route. */
export async function updateGoldenCase(ctx: ServiceContext, input: z.output<typeof ZUpdateGoldenCase>): Promise<GoldenCaseDto> {
  return inTransaction(ctx, async (tx, audit) => {
    const changes = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.data !== undefined ? { data: input.data as Prisma.InputJsonObject } : {}),
      ...(input.expected !== undefined ? { expected: input.expected as Prisma.InputJsonObject } : {}),
    };
    const updated = await tx.flowGoldenCase
      .updateMany({ where: { id: input.caseId, flowId: input.flowId, companyId: ctx.companyId }, data: changes })
      .catch((error) => duplicateName(error, input.name ?? ""));
    if (updated.count !== 1) throw new AppError("NOT_FOUND", "Golden case not found.");
    const row = await tx.flowGoldenCase.findFirstOrThrow({ where: { id: input.caseId, companyId: ctx.companyId }, select });
    await audit({ action: "flow.golden_case_updated", entity: "Flow", entityId: input.flowId, metadata: { caseId: row.id, name: row.name, changed: Object.keys(changes) } });
    return dto(row);
  });
}

export async function deleteGoldenCase(ctx: ServiceContext, input: z.output<typeof ZGoldenCaseRef>): Promise<{ id: string }> {
  return inTransaction(ctx, async (tx, audit) => {
    const row = await tx.flowGoldenCase.findFirst({ where: { id: input.caseId, flowId: input.flowId, companyId: ctx.companyId }, select: { id: true, name: true } });
    if (!row) throw new AppError("NOT_FOUND", "Golden case not found.");
    await tx.flowGoldenCase.deleteMany({ where: { id: row.id, companyId: ctx.companyId } });
    await audit({ action: "flow.golden_case_deleted", entity: "Flow", entityId: input.flowId, metadata: { caseId: row.id, name: row.name } });
    return { id: row.id };
  });
}

/**
 * Replays every golden case of the flow through `definition` with the real engine (inside the
 * publishing transaction, so the cases checked are the ones that exist at publish).
 */
export async function checkGoldenCases(tx: Tx, companyId: string, flowId: string, definition: TFlowDefinition): Promise<GoldenCaseResult[]> {
  const rows = await tx.flowGoldenCase.findMany({ where: { flowId, companyId }, orderBy: { name: "asc" }, select, take: 500 });
  if (rows.length === 0) return [];
  const forms = await formFieldEnvs(tx, companyId, definition.levels.flatMap((level) => level.taskVersionIds));
  const context = simulationContextFor(definition, forms);
  return rows.map((row) => runGoldenCase(definition, { name: row.name, data: (row.data ?? {}) as JsonObject, expected: routeOf(row.expected) }, context));
}
