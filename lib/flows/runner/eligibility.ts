// Who may do what on an instance, answered by the engine's own guard (so the buttons a page shows
// and the decisions the runner accepts can never disagree). Pure: no database.
import { LEVEL_ACTIONS, type TFlowDefinition, type TLevelAction } from "@/lib/flows/definition";
import { guardAction } from "@/lib/flows/engine/decisions";
import { startLevel } from "@/lib/flows/engine/graph";
import { findLevel } from "@/lib/flows/engine/transitions";
import { isTerminal, type Actor, type FlowState } from "@/lib/flows/engine/types";
import { departmentPrincipal, rolePrincipal, userPrincipal } from "@/lib/flows/principals";

export type Eligibility = {
  /** Level actions the actor may take now (a reason is still required where the engine needs one). */
  actions: TLevelAction[];
  /** Earlier levels on the route taken that a send-back may return to (most recent first). */
  sendBackTargets: { levelId: string; name: string }[];
  canCancel: boolean;
  canReassign: boolean;
  /** Which of the actor's keys hold the current level (`u:`, `r:`, `d:`), plus "initiator_manager". */
  matched: string[];
  /** The actor already approved this visit of an "all assignees"/"at least" level. */
  alreadyApproved: boolean;
};

const NONE: Eligibility = { actions: [], sendBackTargets: [], canCancel: false, canReassign: false, matched: [], alreadyApproved: false };

/** What `actor` may do on an instance in `state` (dry-running the engine's guard for each action). */
export function eligibility(definition: TFlowDefinition, state: FlowState, actor: Actor): Eligibility {
  if (state.status === "NOT_STARTED" || isTerminal(state.status) || !state.current) return NONE;
  const alreadyApproved = Object.hasOwn(state.levelDecisions, actor.userId);
  const actions = LEVEL_ACTIONS.filter((action) => {
    if ((action === "submit" || action === "approve") && alreadyApproved) return false;
    return guardAction(definition, state, action, { actor, reason: "(a reason)" }).ok;
  });
  const currentIndex = state.currentLevelId ? state.path.indexOf(state.currentLevelId) : -1;
  const sendBackTargets = actions.includes("send_back")
    ? state.path
        .slice(0, Math.max(currentIndex, 0))
        .reverse()
        .map((levelId) => ({ levelId, name: findLevel(definition, levelId)?.name ?? levelId }))
    : [];
  const current = state.current;
  const matched = actor.principals.filter((key) => current.principals.includes(key));
  if (actor.isInitiatorManager && current.managerOpen) matched.push("initiator_manager");
  return { actions, sendBackTargets, canCancel: actor.userId === state.startedBy || actor.isAdmin, canReassign: actor.isAdmin, matched, alreadyApproved };
}

/**
 * Whether someone with these principal keys may start a flow: a first level filled by the initiator
 * (or decided by their manager) can be started by anyone; otherwise the starter must hold the first
 * level themselves. (The `instances.create` permission is checked besides.)
 */
export function canStartFlow(definition: TFlowDefinition, principals: readonly string[]): boolean {
  const first = startLevel(definition);
  if (!first) return false;
  if (first.assignees.some((assignee) => assignee.kind === "INITIATOR" || assignee.kind === "INITIATOR_MANAGER")) return true;
  return first.assignees.some(
    (assignee) =>
      (assignee.kind === "ROLE" && principals.includes(rolePrincipal(assignee.roleId))) ||
      (assignee.kind === "DEPARTMENT" && principals.includes(departmentPrincipal(assignee.departmentId))) ||
      (assignee.kind === "USER" && principals.includes(userPrincipal(assignee.userId))),
  );
}
