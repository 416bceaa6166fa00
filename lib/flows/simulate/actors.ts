// Synthetic people for a simulation: an initiator, their manager, and as many approvers as a level's
// approval mode needs. They hold exactly the principals the engine opened at the level, so the real
// eligibility rules (assignee, self-approval) let them act — no user or organisation data is read.
import type { TFlowDefinition, TFlowLevel } from "@/lib/flows/definition";
import { userPrincipal } from "@/lib/flows/principals";
import type { Actor, AdvanceContext, FlowState } from "@/lib/flows/engine/types";

export const SIM_INITIATOR = "sim-initiator";
export const SIM_MANAGER = "sim-manager";
/** How many people an "all assignees" level waits for in a simulation (more than one, to show it waits). */
export const SIM_ALL_APPROVERS = 2;

const onlyInitiator = (level: TFlowLevel) => level.assignees.length > 0 && level.assignees.every((assignee) => assignee.kind === "INITIATOR");
const hasInitiator = (level: TFlowLevel) => level.assignees.some((assignee) => assignee.kind === "INITIATOR");

export const initiatorActor: Actor = { userId: SIM_INITIATOR, principals: [userPrincipal(SIM_INITIATOR)], isInitiatorManager: false, isAdmin: false };

/** The engine context the runner would build from the database, built from synthetic people instead. */
export function simulatedEngineContext(definition: TFlowDefinition, fieldTypes: AdvanceContext["fieldTypes"]): AdvanceContext {
  const eligibleUserIds: Record<string, string[]> = {};
  for (const level of definition.levels) {
    if (level.approvalMode !== "ALL") continue;
    eligibleUserIds[level.id] = onlyInitiator(level)
      ? [SIM_INITIATOR]
      : Array.from({ length: SIM_ALL_APPROVERS }, (_, index) => `sim-${level.order}-approver-${index + 1}`);
  }
  return { initiatorManagerId: SIM_MANAGER, eligibleUserIds, fieldTypes };
}

// Someone holding every key open at the current level (and the manager slot, if it is open).
function holder(state: FlowState, userId: string): Actor {
  const current = state.current;
  const principals = [userPrincipal(userId), ...(current?.principals ?? [])];
  return { userId, principals: [...new Set(principals)], isInitiatorManager: current?.managerOpen ?? false, isAdmin: false };
}

/**
 * The people who decide at the current level, in order, enough to complete it: one for ANY, the
 * required number for AT_LEAST, everyone the level waits for under ALL. A level the initiator fills
 * is decided by the initiator.
 */
export function deciders(level: TFlowLevel, state: FlowState): Actor[] {
  const waitingFor = state.current?.eligibleUserIds ?? [];
  if (level.approvalMode === "ALL" && waitingFor.length > 0) {
    return waitingFor.map((userId) => holder(state, userId));
  }
  const count = level.approvalMode === "AT_LEAST" ? level.requiredApprovals : 1;
  const first = hasInitiator(level) ? [holder(state, SIM_INITIATOR)] : [];
  const others = Array.from({ length: Math.max(0, count - first.length) }, (_, index) => holder(state, `sim-${level.order}-approver-${index + 1}`));
  return [...first, ...others];
}
