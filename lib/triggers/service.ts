import "server-only";
import { z } from "zod";
import { AppError, fieldErrorsFromZod } from "@/lib/errors";
import type { Tx } from "@/lib/db";
import type { InputJsonValue } from "@/lib/generated/prisma/internal/prismaNamespace";
import { inTransaction, type ServiceContext } from "@/lib/service-context";
import { checkTrigger } from "./check";
import { ZTriggerAction, ZTriggerInput, type TTrigger } from "./definition";
import { loopsThrough, type TTriggerNode } from "./loops";
import { syncSchedule } from "./schedule";
import { addSecret } from "./secrets";

const json = (value: unknown) => value as InputJsonValue;

function parse(raw: unknown): TTrigger {
  const parsed = ZTriggerInput.safeParse(raw);
  if (!parsed.success) throw new AppError("VALIDATION", "Some settings need attention.", { fieldErrors: fieldErrorsFromZod(parsed.error.issues) });
  return parsed.data;
}

/** Warnings (not errors) about a trigger that can make itself fire again through its actions. */
async function loopWarnings(tx: Tx, companyId: string, id: string, trigger: TTrigger): Promise<string[]> {
  const others = await tx.trigger.findMany({ where: { companyId, archivedAt: null, isActive: true, NOT: { id } }, select: { id: true, name: true, eventType: true, taskId: true, flowId: true, tableId: true, actions: true } });
  const nodes: TTriggerNode[] = others.map((other) => ({ ...other, actions: ZTriggerAction.array().safeParse(other.actions).data ?? [] }));
  const self: TTriggerNode = { id, name: trigger.name, eventType: trigger.eventType, taskId: trigger.taskId, flowId: trigger.flowId, tableId: trigger.tableId, actions: trigger.actions };
  const flowIds = [...new Set([self, ...nodes].flatMap((node) => node.actions.flatMap((action) => (action.type === "start_flow" ? [action.config.flowId] : []))))];
  const flowTasks = new Map<string, string[]>();
  for (const flowId of flowIds) {
    const version = await tx.flowVersion.findFirst({ where: { companyId, flowId, state: "PUBLISHED" }, orderBy: { number: "desc" }, select: { levels: { select: { tasks: { select: { taskVersion: { select: { taskId: true } } } } } } } });
    flowTasks.set(flowId, version?.levels.flatMap((level) => level.tasks.map((task) => task.taskVersion.taskId)) ?? []);
  }
  return loopsThrough(self, nodes, flowTasks).map((cycle) => `Its actions can make it fire again: ${cycle.join(" → ")}. Such a chain stops after 5 levels, but is rarely intended.`);
}

function columns(trigger: TTrigger) {
  return {
    name: trigger.name,
    description: trigger.description,
    isActive: trigger.isActive,
    eventType: trigger.eventType,
    eventConfig: json(trigger.eventConfig),
    conditions: trigger.condition ? json({ source: trigger.condition }) : undefined,
    actions: json(trigger.actions),
    settings: json(trigger.settings),
    taskId: trigger.taskId,
    flowId: trigger.flowId,
    tableId: trigger.tableId,
  };
}

export async function createTrigger(ctx: ServiceContext, raw: unknown) {
  const trigger = parse(raw);
  return inTransaction(ctx, async (tx, audit) => {
    const errors = await checkTrigger(tx, ctx.companyId, trigger);
    if (Object.keys(errors).length) throw new AppError("VALIDATION", "Some settings need attention.", { fieldErrors: errors });
    const saved = await tx.trigger.create({ data: { companyId: ctx.companyId, ...columns(trigger) }, select: { id: true, name: true, updatedAt: true, isActive: true, archivedAt: true, eventType: true, eventConfig: true } });
    // Webhook triggers (inbound, or calling out) get a signing secret, shown this once.
    const needsSecret = trigger.eventType === "WEBHOOK_RECEIVED" || trigger.actions.some((action) => action.type === "call_webhook");
    const secret = needsSecret ? await addSecret(tx, ctx.companyId, saved.id) : null;
    const nextRun = await syncSchedule(tx, saved);
    await audit({ action: "trigger.created", entity: "Trigger", entityId: saved.id, after: { name: trigger.name, eventType: trigger.eventType, actions: trigger.actions.map((action) => action.type) } });
    return { id: saved.id, name: saved.name, updatedAt: saved.updatedAt, secret, nextRun, warnings: await loopWarnings(tx, ctx.companyId, saved.id, trigger) };
  });
}

export const ZTriggerRef = z.object({ triggerId: z.uuid(), expectedUpdatedAt: z.iso.datetime().optional() });

export async function updateTrigger(ctx: ServiceContext, ref: z.output<typeof ZTriggerRef>, raw: unknown) {
  const trigger = parse(raw);
  return inTransaction(ctx, async (tx, audit) => {
    const current = await tx.trigger.findFirst({ where: { id: ref.triggerId, companyId: ctx.companyId, archivedAt: null } });
    if (!current) throw new AppError("NOT_FOUND", "Trigger not found.");
    if (ref.expectedUpdatedAt && new Date(ref.expectedUpdatedAt).getTime() !== current.updatedAt.getTime()) {
      throw new AppError("CONFLICT", `Someone else saved this trigger at ${current.updatedAt.toISOString().slice(11, 16)} UTC; reload to see their changes.`);
    }
    const errors = await checkTrigger(tx, ctx.companyId, trigger);
    if (Object.keys(errors).length) throw new AppError("VALIDATION", "Some settings need attention.", { fieldErrors: errors });
    const data = columns(trigger);
    const saved = await tx.trigger.update({ where: { id: current.id }, data: { ...data, conditions: trigger.condition ? data.conditions : json(null) }, select: { id: true, name: true, updatedAt: true, isActive: true, archivedAt: true, eventType: true, eventConfig: true } });
    const nextRun = await syncSchedule(tx, saved);
    await audit({
      action: "trigger.updated",
      entity: "Trigger",
      entityId: current.id,
      before: { name: current.name, isActive: current.isActive, eventType: current.eventType, conditions: current.conditions, actions: current.actions, settings: current.settings },
      after: { name: trigger.name, isActive: trigger.isActive, eventType: trigger.eventType, conditions: trigger.condition ? { source: trigger.condition } : null, actions: trigger.actions, settings: trigger.settings },
    });
    return { id: saved.id, name: saved.name, updatedAt: saved.updatedAt, nextRun, warnings: await loopWarnings(tx, ctx.companyId, saved.id, trigger) };
  });
}

/** Switches a trigger on or off (off: events are not matched against it; nothing queued is lost). */
export async function setTriggerActive(ctx: ServiceContext, input: { triggerId: string; isActive: boolean }) {
  return inTransaction(ctx, async (tx, audit) => {
    const updated = await tx.trigger.updateMany({ where: { id: input.triggerId, companyId: ctx.companyId, archivedAt: null }, data: { isActive: input.isActive } });
    if (updated.count !== 1) throw new AppError("NOT_FOUND", "Trigger not found.");
    await syncSchedule(tx, await tx.trigger.findUniqueOrThrow({ where: { id: input.triggerId } }));
    await audit({ action: input.isActive ? "trigger.activated" : "trigger.deactivated", entity: "Trigger", entityId: input.triggerId });
  });
}

export async function archiveTrigger(ctx: ServiceContext, input: { triggerId: string }) {
  return inTransaction(ctx, async (tx, audit) => {
    const updated = await tx.trigger.updateMany({ where: { id: input.triggerId, companyId: ctx.companyId, archivedAt: null }, data: { archivedAt: new Date(), isActive: false } });
    if (updated.count !== 1) throw new AppError("NOT_FOUND", "Trigger not found.");
    await syncSchedule(tx, await tx.trigger.findUniqueOrThrow({ where: { id: input.triggerId } }));
    await audit({ action: "trigger.archived", entity: "Trigger", entityId: input.triggerId });
  });
}
