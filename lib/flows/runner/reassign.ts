import "server-only";
import { AppError } from "@/lib/errors";
import { MANAGER_SLOT, type FlowEvent } from "@/lib/flows/engine/types";
import { userPrincipal } from "@/lib/flows/principals";
import type { ServiceContext } from "@/lib/service-context";
import type { TransitionResult } from "./act-on-instance";
import { engineActor, isInstanceAdmin, resolveActingUser } from "./actor";
import { loadVersion } from "./definitions";
import { appErrorOf, conflictError } from "./errors";
import { applyTransition } from "./persist";
import { planWrites } from "./plan";
import { sql } from "./sql";
import { loadInstance, runEvents, usersOfPrincipals } from "./transition";

export type ReassignInput = { instanceId: string; fromPrincipal: string; toUserId: string; reason?: string; expectedVersion?: number };

/**
 * An admin (`instances.update`, or ADMIN/DEVELOPER) hands the pending level from one holder (a
 * `u:`/`r:`/`d:` key, or "initiator_manager") to an active user of the company. Audited with the
 * transition. On an "all assignees" level the approvers are recomputed from the new holders.
 */
export async function reassignAssignment(ctx: ServiceContext, input: ReassignInput): Promise<TransitionResult> {
  const user = await resolveActingUser(ctx);
  if (!isInstanceAdmin(user)) throw new AppError("FORBIDDEN", "Only an admin can reassign a task.");
  const instance = await loadInstance(ctx.companyId, input.instanceId);
  if (!instance) throw new AppError("NOT_FOUND", "Request not found.");
  if (input.expectedVersion !== undefined && input.expectedVersion !== instance.version) throw conflictError(instance.latest);
  const [target] = await sql<{ id: string; name: string }>({
    name: "flow_reassign_target_v1",
    text: `SELECT id, trim("firstName" || ' ' || "lastName") AS name FROM users WHERE id = $1::uuid AND "companyId" = $2::uuid AND "isActive"`,
    values: [input.toUserId, ctx.companyId],
  });
  if (!target) throw new AppError("VALIDATION", "Choose an active user of this company.", { fieldErrors: { toUserId: ["Choose an active user of this company"] } });
  const version = await loadVersion(ctx.companyId, instance.flowVersionId);
  if (!version) throw new Error(`Flow version ${instance.flowVersionId} is missing`);

  const current = instance.state.current;
  const level = current ? version.levels.get(current.levelId) : undefined;
  let eligibleUserIds: string[] | undefined;
  if (current && level?.approvalMode === "ALL") {
    const managerKey = instance.initiatorManagerId ? userPrincipal(instance.initiatorManagerId) : null;
    const removed = input.fromPrincipal === MANAGER_SLOT ? [managerKey] : [input.fromPrincipal];
    eligibleUserIds = await usersOfPrincipals(ctx.companyId, [...current.principals.filter((key) => !removed.includes(key)), userPrincipal(target.id)]);
  }
  const actor = engineActor(user, instance.initiatorManagerId);
  const event: FlowEvent = {
    type: "reassign",
    actor,
    fromPrincipal: input.fromPrincipal,
    toUserId: target.id,
    ...(input.reason?.trim() ? { reason: input.reason } : {}),
    ...(eligibleUserIds ? { eligibleUserIds } : {}),
    at: new Date().toISOString(),
  };
  const run = await runEvents({ version, companyId: ctx.companyId, state: instance.state, events: [event], initiatorManagerId: instance.initiatorManagerId });
  if (!run.ok) throw appErrorOf(run.error);
  const plan = planWrites({
    instanceId: instance.id,
    flowId: instance.flowId,
    flowVersionId: instance.flowVersionId,
    flowName: instance.flowName,
    definition: version.definition,
    actorNames: { [user.userId]: user.name },
    steps: run.steps,
    audit: {
      action: "instance.reassigned",
      actorId: ctx.actorId,
      actorType: ctx.actorType,
      metadata: { levelId: current?.levelId ?? null, fromPrincipal: input.fromPrincipal, toUserId: target.id, toUserName: target.name, reason: input.reason ?? null },
      ipAddress: ctx.ipAddress,
      userAgent: ctx.userAgent,
    },
  });
  const applied = await applyTransition({ instanceId: instance.id, companyId: ctx.companyId, seenVersion: instance.version, plan });
  if (!applied.applied) {
    const reloaded = await loadInstance(ctx.companyId, instance.id);
    throw conflictError(reloaded?.latest ?? null);
  }
  const state = run.state;
  return { instanceId: instance.id, version: state.version, status: state.status, currentLevelId: state.currentLevelId, currentLevelName: state.currentLevelId ? (version.levels.get(state.currentLevelId)?.name ?? null) : null };
}
