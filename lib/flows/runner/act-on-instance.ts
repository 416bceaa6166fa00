import "server-only";
import { AppError } from "@/lib/errors";
import type { TLevelAction } from "@/lib/flows/definition";
import { guardAction } from "@/lib/flows/engine/decisions";
import type { Actor, EngineError, FlowEvent, FlowState } from "@/lib/flows/engine/types";
import type { ServiceContext } from "@/lib/service-context";
import { engineActor, resolveActingUser, type ActingUser } from "./actor";
import { loadVersion } from "./definitions";
import { appErrorOf, conflictError } from "./errors";
import { applyTransition } from "./persist";
import { planWrites, type PlannedStep } from "./plan";
import { changesSince, notAssigneeError } from "./races";
import { loadInstance, runEvents, type LoadedInstance } from "./transition";
import { optionViewerOf } from "@/lib/datasets/options";
import { validateLevelSubmission, type ValidatedSubmission } from "./validate";

export type InstanceAction = "submit" | "approve" | "reject" | "send_back" | "request_changes" | "cancel";

export type ActOnInstanceInput = {
  instanceId: string;
  action: InstanceAction;
  data?: Record<string, unknown>;
  comment?: string;
  reason?: string;
  toLevelId?: string;
  /**
   * The instance version the person saw (the page's `instance.version`). The action is refused with
   * a 409 naming who moved it if the instance left that level visit since; approvals by others at
   * the same visit ("all assignees") do not count as moving it. Without it, the version loaded here.
   */
  expectedVersion?: number;
};

export type TransitionResult = { instanceId: string; version: number; status: FlowState["status"]; currentLevelId: string | null; currentLevelName: string | null };

// A lost race is re-applied only when that cannot change what the person decided on: the instance
// is still at the same visit of the same level they saw (lib/flows/runner/races.ts). Bounded, because
// every retry means another transition committed meanwhile.
const MAX_ATTEMPTS = 25;

const NOT_FOUND = () => new AppError("NOT_FOUND", "Request not found.");

function buildEvent(input: ActOnInstanceInput, actor: Actor, state: FlowState, validated: ValidatedSubmission | undefined, at: string): FlowEvent {
  const comment = input.comment?.trim() ? input.comment : undefined;
  switch (input.action) {
    case "submit":
      return { type: "submit", actor, data: validated?.data ?? {}, ...(comment ? { comment } : {}), at };
    case "approve":
      return { type: "approve", actor, ...(comment ? { comment } : {}), ...(validated ? { data: validated.data } : {}), at };
    case "reject":
      return { type: "reject", actor, reason: input.reason ?? comment ?? "", at };
    case "send_back": {
      // Without a target: the level before the current one on the route taken.
      const index = state.currentLevelId ? state.path.indexOf(state.currentLevelId) : -1;
      const toLevelId = input.toLevelId ?? (index > 0 ? state.path[index - 1] : "");
      return { type: "send_back", actor, reason: input.reason ?? comment ?? "", toLevelId: toLevelId || "none", at };
    }
    case "request_changes":
      return { type: "request_changes", actor, reason: input.reason ?? comment ?? "", at };
    case "cancel":
      return { type: "cancel", actor, ...(input.reason?.trim() ? { reason: input.reason } : comment ? { reason: comment } : {}), at };
  }
}

/** The engine's refusal of the actor, checked before any data is validated (same rules, same order). */
function precheck(instance: LoadedInstance, definition: Parameters<typeof guardAction>[0], input: ActOnInstanceInput, actor: Actor): EngineError | null {
  if (input.action === "cancel") return null;
  if (instance.state.status !== "IN_PROGRESS") return { code: "TERMINAL", message: `This request is already ${instance.state.status.toLowerCase()}` };
  const guarded = guardAction(definition, instance.state, input.action as TLevelAction, { actor, reason: "(checked later)" });
  if (!guarded.ok) return guarded.error;
  if ((input.action === "submit" || input.action === "approve") && Object.hasOwn(instance.state.levelDecisions, actor.userId)) {
    return { code: "ALREADY_DECIDED", message: `You already approved "${guarded.level.name}"` };
  }
  return null;
}

/** A refusal as the person should read it: a request that moved on or ended names who did it. */
async function refusal(instance: LoadedInstance, error: EngineError, actor: Actor): Promise<Error> {
  if (error.code === "TERMINAL") return conflictError(instance.latest);
  const mapped = appErrorOf(error);
  return error.code === "NOT_ASSIGNEE" && mapped instanceof AppError ? notAssigneeError(instance.companyId, instance.id, actor, mapped) : mapped;
}

function auditOf(ctx: ServiceContext, input: ActOnInstanceInput, user: ActingUser, instance: LoadedInstance) {
  // The initiator withdrawing their own request is ordinary use; anyone else cancelling is an admin act.
  if (input.action !== "cancel" || user.userId === instance.initiatorId) return undefined;
  return {
    action: "instance.cancelled",
    actorId: ctx.actorId,
    actorType: ctx.actorType,
    metadata: { reason: input.reason ?? input.comment ?? null, initiatorId: instance.initiatorId, fromVersion: instance.version },
    ipAddress: ctx.ipAddress,
    userAgent: ctx.userAgent,
  };
}

/**
 * Applies one person's action to an instance: loads it by id AND company, checks who may act with
 * the engine's rules, validates submitted data against the level's forms (422 with field errors,
 * nothing stored), and persists the transition in one statement guarded by the instance version.
 * A lost race is a 409 naming who moved the request, unless it is safe to re-apply (see above).
 */
export async function actOnInstance(ctx: ServiceContext, input: ActOnInstanceInput): Promise<TransitionResult> {
  const user = await resolveActingUser(ctx);
  let instance = await loadInstance(ctx.companyId, input.instanceId);
  if (!instance) throw NOT_FOUND();
  if (input.expectedVersion !== undefined && input.expectedVersion !== instance.version) {
    const since = await changesSince(ctx.companyId, instance.id, input.expectedVersion, instance.version);
    if (since.moved) throw conflictError(since.mover ?? instance.latest);
  }
  const version = await loadVersion(ctx.companyId, instance.flowVersionId);
  if (!version) throw new Error(`Flow version ${instance.flowVersionId} of instance ${instance.id} is missing`);
  const refused = precheck(instance, version.definition, input, engineActor(user, instance.initiatorManagerId));
  if (refused) throw await refusal(instance, refused, engineActor(user, instance.initiatorManagerId));

  const seen = instance.state;
  const withData = input.action === "submit" || (input.action === "approve" && input.data !== undefined && Object.keys(input.data).length > 0);
  const validated =
    withData && seen.currentLevelId
      ? await validateLevelSubmission({ companyId: ctx.companyId, viewer: optionViewerOf(ctx), version, levelId: seen.currentLevelId, raw: input.data ?? {}, previous: seen.data, now: new Date() })
      : undefined;

  for (let attempt = 1; ; attempt++) {
    const actor = engineActor(user, instance.initiatorManagerId);
    const event = buildEvent(input, actor, instance.state, validated, new Date().toISOString());
    const run = await runEvents({ version, companyId: ctx.companyId, state: instance.state, events: [event], initiatorManagerId: instance.initiatorManagerId, submissions: [validated?.submissions] });
    if (!run.ok) throw await refusal(instance, run.error, actor);
    const steps: PlannedStep[] = run.steps;
    const plan = planWrites({
      causation: ctx.causation,
      instanceId: instance.id,
      flowId: instance.flowId,
      flowVersionId: instance.flowVersionId,
      flowName: instance.flowName,
      definition: version.definition,
      actorNames: { [user.userId]: user.name },
      steps,
      audit: auditOf(ctx, input, user, instance),
    });
    const applied = await applyTransition({ instanceId: instance.id, companyId: ctx.companyId, seenVersion: instance.version, plan });
    if (applied.applied) {
      const state = run.state;
      return { instanceId: instance.id, version: state.version, status: state.status, currentLevelId: state.currentLevelId, currentLevelName: state.currentLevelId ? (version.levels.get(state.currentLevelId)?.name ?? null) : null };
    }
    const reloaded = await loadInstance(ctx.companyId, input.instanceId);
    if (!reloaded) throw NOT_FOUND();
    const since = await changesSince(ctx.companyId, instance.id, instance.version, reloaded.version);
    if (since.moved || attempt >= MAX_ATTEMPTS) throw conflictError(since.mover ?? reloaded.latest);
    instance = reloaded;
  }
}

/** An admin (or the initiator) cancels a running request; an admin's cancel is audited. */
export function cancelInstance(ctx: ServiceContext, input: { instanceId: string; reason?: string; expectedVersion?: number }): Promise<TransitionResult> {
  return actOnInstance(ctx, { instanceId: input.instanceId, action: "cancel", reason: input.reason, expectedVersion: input.expectedVersion });
}
