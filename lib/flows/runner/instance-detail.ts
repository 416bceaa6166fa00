import "server-only";
import type { Principal } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { TAssignee } from "@/lib/flows/definition";
import type { FlowState, JsonObject, RoutingDecision } from "@/lib/flows/engine/types";
import { MANAGER_SLOT } from "@/lib/flows/engine/types";
import type { TFormDefinition } from "@/lib/forms/definition";
import { engineActor, isInstanceAdmin, type ActingUser } from "./actor";
import { loadForms, loadVersion, type LoadedForm } from "./definitions";
import { eligibility, type Eligibility } from "./eligibility";
import { labelled, labelPrincipals, type LabelledPrincipal } from "./principal-labels";
import { sql } from "./sql";
import { loadInstance, type LoadedInstance } from "./transition";

// The instance page's data in one DTO: the instance, its version's graph (for the diagram), the
// history with names and routing explanations, every submission with the form version it was made
// with, the current level's forms, what THIS user may do (the engine's guard), and why the request
// is where it is and why it is (or is not) theirs.

export type FormRef = { taskVersionId: string; taskId: string; name: string; versionNumber: number; definition: TFormDefinition };
export type InstanceDetail = {
  instance: {
    id: string;
    version: number;
    status: FlowState["status"];
    flow: { id: string; name: string; versionId: string; versionNumber: number };
    currentLevel: { id: string; name: string } | null;
    data: JsonObject;
    initiator: { id: string; name: string };
    startedAt: Date;
    updatedAt: Date;
    completedAt: Date | null;
  };
  definition: {
    levels: { id: string; name: string; order: number; approvalMode: string; requiredApprovals: number; allowedActions: string[]; dueInHours: number | null; assignees: string[] }[];
    branches: { id: string; name: string; fromLevelId: string; target: string; toLevelId: string | null; condition: string | null; isDefault: boolean; priority: number }[];
  };
  /** The route to the current level (send-back targets; the diagram's highlighted path). */
  path: string[];
  /** Every level the instance has been at, in order of first visit. */
  visitedLevelIds: string[];
  history: {
    seq: number;
    action: string;
    actor: { id: string; name: string } | null;
    fromLevel: { id: string; name: string } | null;
    toLevel: { id: string; name: string } | null;
    comment: string | null;
    values: JsonObject;
    routing: RoutingDecision | null;
    selfApproved: boolean;
    at: Date;
  }[];
  submissions: { id: string; levelId: string | null; levelName: string | null; executor: { id: string; name: string }; data: JsonObject; at: Date; form: FormRef }[];
  current: {
    levelId: string;
    name: string;
    visit: number;
    enteredAt: string;
    dueAt: string | null;
    approvalMode: string;
    forms: FormRef[];
    approvedBy: { id: string; name: string }[];
    waitingFor: LabelledPrincipal[];
  } | null;
  allowed: Eligibility;
  why: { summary: string | null; routing: RoutingDecision | null; matched: LabelledPrincipal[] };
};

const NOT_FOUND = () => new AppError("NOT_FOUND", "Request not found.");
const nameOf = (user: { firstName: string; lastName: string; email: string }) => `${user.firstName} ${user.lastName}`.trim() || user.email;
const formRef = (form: LoadedForm): FormRef => ({ taskVersionId: form.taskVersionId, taskId: form.taskId, name: form.taskName, versionNumber: form.number, definition: form.definition });

const actingUserOf = (principal: Principal): ActingUser => ({ ...principal, managerId: null, roleIds: [...principal.roleIds] });

/**
 * Who may see an instance: its initiator, anyone who may act on it now, anyone who holds or held an
 * assignment on it or appears in its history, and admins with `instances.view`.
 */
async function canSee(principal: Principal, instance: LoadedInstance, allowed: Eligibility): Promise<boolean> {
  if (instance.initiatorId === principal.userId || allowed.actions.length > 0) return true;
  if ((principal.systemRole === "ADMIN" || principal.systemRole === "DEVELOPER") && principal.permissions.has("instances.view")) return true;
  const actor = engineActor(actingUserOf(principal), instance.initiatorManagerId);
  const [row] = await sql<{ involved: boolean }>({
    name: "flow_instance_involved_v1",
    text: `SELECT EXISTS (SELECT 1 FROM assignments WHERE "instanceId" = $1::uuid AND "companyId" = $2::uuid AND (principal = ANY($3::text[]) OR "decidedById" = $4::uuid))
             OR EXISTS (SELECT 1 FROM flow_instance_events WHERE "instanceId" = $1::uuid AND "companyId" = $2::uuid AND "actorId" = $4::uuid) AS involved`,
    values: [instance.id, instance.companyId, actor.principals, principal.userId],
  });
  return row?.involved ?? false;
}

const assigneeKey = (assignee: TAssignee): string =>
  assignee.kind === "ROLE" ? `r:${assignee.roleId}` : assignee.kind === "DEPARTMENT" ? `d:${assignee.departmentId}` : assignee.kind === "USER" ? `u:${assignee.userId}` : assignee.kind === "INITIATOR" ? "initiator" : MANAGER_SLOT;

/** The instance page's data for this user; NOT_FOUND when the instance is foreign or not theirs to see. */
export async function getInstanceDetail(principal: Principal, instanceId: string): Promise<InstanceDetail> {
  const instance = await loadInstance(principal.companyId, instanceId);
  if (!instance) throw NOT_FOUND();
  const version = await loadVersion(principal.companyId, instance.flowVersionId);
  if (!version) throw new Error(`Flow version ${instance.flowVersionId} is missing`);
  const state = instance.state;
  const actor = engineActor(actingUserOf(principal), instance.initiatorManagerId);
  const allowed = eligibility(version.definition, state, actor);
  if (!(await canSee(principal, instance, allowed))) throw NOT_FOUND();

  const [row, events, executions] = await Promise.all([
    db.flowInstance.findFirstOrThrow({
      where: { id: instance.id, companyId: principal.companyId },
      select: { startedAt: true, updatedAt: true, completedAt: true, initiator: { select: { id: true, firstName: true, lastName: true, email: true } } },
    }),
    db.flowInstanceEvent.findMany({ where: { instanceId: instance.id, companyId: principal.companyId }, orderBy: { seq: "asc" } }),
    db.taskExecution.findMany({ where: { flowInstanceId: instance.id, companyId: principal.companyId }, orderBy: { createdAt: "asc" }, include: { executor: { select: { id: true, firstName: true, lastName: true, email: true } } } }),
  ]);
  const forms = await loadForms(principal.companyId, [...new Set(executions.map((execution) => execution.taskVersionId))]);
  const people = await db.user.findMany({
    where: { companyId: principal.companyId, id: { in: [...new Set([...events.map((event) => event.actorId), ...Object.keys(state.levelDecisions), instance.initiatorManagerId].filter((id): id is string => !!id))] } },
    select: { id: true, firstName: true, lastName: true, email: true },
  });
  const person = (id: string | null) => {
    if (!id) return null;
    const found = people.find((user) => user.id === id);
    return { id, name: found ? nameOf(found) : "A removed user" };
  };
  const level = (id: string | null) => (id ? { id, name: version.levels.get(id)?.name ?? "A removed level" } : null);

  const current = state.current;
  const currentLevel = current ? version.levels.get(current.levelId) : undefined;
  const assigneeKeys = version.definition.levels.flatMap((l) => l.assignees.map(assigneeKey));
  // The manager slot is also stored as the manager's own `u:` key (their inbox reads it): name it once.
  const managerKey = instance.initiatorManagerId ? `u:${instance.initiatorManagerId}` : null;
  const waitingKeys = current ? (current.managerOpen ? [...current.principals.filter((key) => key !== managerKey), MANAGER_SLOT] : current.principals) : [];
  const labels = await labelPrincipals(principal.companyId, [...new Set([...assigneeKeys, ...waitingKeys, ...allowed.matched])], { managerName: person(instance.initiatorManagerId)?.name ?? null });
  labels.set("initiator", "the initiator");

  return {
    instance: {
      id: instance.id,
      version: instance.version,
      status: state.status,
      flow: { id: instance.flowId, name: instance.flowName, versionId: version.flowVersionId, versionNumber: version.number },
      currentLevel: level(state.currentLevelId),
      data: state.data,
      initiator: { id: row.initiator.id, name: nameOf(row.initiator) },
      startedAt: row.startedAt,
      updatedAt: row.updatedAt,
      completedAt: row.completedAt,
    },
    definition: {
      levels: [...version.definition.levels]
        .sort((a, b) => a.order - b.order)
        .map((l) => ({ id: l.id, name: l.name, order: l.order, approvalMode: l.approvalMode, requiredApprovals: l.requiredApprovals, allowedActions: l.allowedActions, dueInHours: l.dueInHours ?? null, assignees: l.assignees.map((a) => labels.get(assigneeKey(a)) ?? a.kind) })),
      branches: version.definition.branches.map(({ id, name, fromLevelId, target, toLevelId, condition, isDefault, priority }) => ({ id, name, fromLevelId, target, toLevelId, condition, isDefault, priority })),
    },
    path: state.path,
    visitedLevelIds: [...new Set(events.flatMap((event) => [event.fromLevelId, event.toLevelId]).filter((id): id is string => !!id))],
    history: events.map((event) => {
      const data = (event.data ?? {}) as { values?: JsonObject; routing?: RoutingDecision; selfApproved?: boolean };
      return {
        seq: event.seq,
        action: event.action,
        actor: person(event.actorId),
        fromLevel: level(event.fromLevelId),
        toLevel: level(event.toLevelId),
        comment: event.comment,
        values: data.values ?? {},
        routing: data.routing ?? null,
        selfApproved: data.selfApproved === true,
        at: event.createdAt,
      };
    }),
    submissions: executions.map((execution) => ({
      id: execution.id,
      levelId: execution.levelId,
      levelName: level(execution.levelId)?.name ?? null,
      executor: { id: execution.executor.id, name: nameOf(execution.executor) },
      data: execution.data as JsonObject,
      at: execution.createdAt,
      form: formRef(forms.get(execution.taskVersionId)!),
    })),
    current:
      current && currentLevel
        ? {
            levelId: current.levelId,
            name: currentLevel.name,
            visit: current.visit,
            enteredAt: current.enteredAt,
            dueAt: current.dueAt,
            approvalMode: currentLevel.approvalMode,
            forms: currentLevel.taskVersionIds.map((id) => formRef(version.forms.get(id)!)),
            approvedBy: Object.keys(state.levelDecisions).map((id) => person(id)!),
            waitingFor: labelled(waitingKeys, labels),
          }
        : null,
    allowed,
    why: { summary: state.routing?.summary ?? null, routing: state.routing, matched: labelled(allowed.matched, labels) },
  };
}

export type AbsenceExplanation = { inInbox: boolean; reasons: string[]; userPrincipals: LabelledPrincipal[]; waitingFor: LabelledPrincipal[] };

/**
 * For admins: why an instance is (not) in a user's inbox — with the same rules the inbox and the
 * engine use (open principals, the manager slot, approvals already given, self-approval).
 */
export async function explainAbsence(principal: Principal, instanceId: string, userId: string): Promise<AbsenceExplanation> {
  if (!isInstanceAdmin(principal)) throw new AppError("FORBIDDEN", "Only an admin can ask why a request is not in someone's inbox.");
  const instance = await loadInstance(principal.companyId, instanceId);
  if (!instance) throw NOT_FOUND();
  const user = await db.user.findFirst({ where: { id: userId, companyId: principal.companyId }, include: { roles: { select: { roleId: true } } } });
  if (!user) throw new AppError("NOT_FOUND", "User not found.");
  const version = await loadVersion(principal.companyId, instance.flowVersionId);
  if (!version) throw new Error(`Flow version ${instance.flowVersionId} is missing`);
  const state = instance.state;
  const name = nameOf(user);
  const actor = engineActor({ userId: user.id, roleIds: user.roles.map((role) => role.roleId), departmentId: user.departmentId, systemRole: user.systemRole, permissions: new Set(), name, email: user.email, managerId: user.managerId }, instance.initiatorManagerId);
  const current = state.current;
  const waitingKeys = current ? [...current.principals, ...(current.managerOpen ? [MANAGER_SLOT] : [])] : [];
  const manager = instance.initiatorManagerId ? await db.user.findFirst({ where: { id: instance.initiatorManagerId, companyId: principal.companyId }, select: { firstName: true, lastName: true, email: true } }) : null;
  const labels = await labelPrincipals(principal.companyId, [...actor.principals, ...waitingKeys], { managerName: manager ? nameOf(manager) : null });
  const result = (inInbox: boolean, reasons: string[]): AbsenceExplanation => ({ inInbox, reasons, userPrincipals: labelled(actor.principals, labels), waitingFor: labelled(waitingKeys, labels) });

  if (!user.isActive) return result(false, [`${name} is deactivated: deactivated users have no inbox.`]);
  if (state.status !== "IN_PROGRESS" || !current) return result(false, [`The request is ${state.status.toLowerCase().replace("_", " ")}: inboxes only show running requests.`]);
  const levelName = version.levels.get(current.levelId)?.name ?? "its level";
  const allowed = eligibility(version.definition, state, actor);
  if (allowed.actions.length > 0) return result(true, [`It is in ${name}'s inbox at "${levelName}", as ${labelled(allowed.matched, labels).map((p) => p.label).join(" and ")}.`]);
  if (allowed.matched.length === 0) {
    const waiting = labelled(waitingKeys, labels).map((p) => p.label).join(", ") || "nobody (no assignee could be resolved — reassign it)";
    const holds = labelled(actor.principals, labels).map((p) => p.label).join(", ");
    return result(false, [`"${levelName}" waits for ${waiting}.`, `${name} is ${holds} — none of these.`]);
  }
  if (allowed.alreadyApproved) return result(false, [`${name} already approved this visit of "${levelName}"; it waits for the other approvers.`]);
  if (state.startedBy === user.id) return result(false, [`${name} started this request, and "${levelName}" does not allow self-approval.`]);
  return result(false, [`${name} holds "${levelName}" but no action is allowed there for them.`]);
}
