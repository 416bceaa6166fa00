// Assignee coverage over the organisation as it is now: every level reaches at least one active
// person for every initiator; levels where the initiator would be the only possible approver (with
// self-approval off) and "initiator's manager" for people without one are flagged. Pure: the caller
// loads the snapshot (org-snapshot.ts) — the same function runs in the editor's action and at publish.
import type { TAssignee, TFlowLevel } from "@/lib/flows/definition";
import type { AnalysisProblem } from "./branch-analysis";

/** The company's people and names at one moment; `users` holds active people only. */
export type OrgSnapshot = {
  users: ReadonlyArray<{ id: string; name: string; roleIds: readonly string[]; departmentId: string | null; managerId: string | null }>;
  roleNames: Readonly<Record<string, string>>;
  departmentNames: Readonly<Record<string, string>>;
  /** Names of people who are not active (so a USER assignee can be named). */
  inactiveUserNames: Readonly<Record<string, string>>;
};

type Person = OrgSnapshot["users"][number];

/** What coverage reads of a level (so the editor can send just this to the server). */
export type CoverageLevel = Pick<TFlowLevel, "id" | "name" | "approvalMode" | "requiredApprovals" | "allowSelfApproval" | "assignees">;

function membersOf(assignee: TAssignee, org: OrgSnapshot): Person[] {
  switch (assignee.kind) {
    case "ROLE":
      return org.users.filter((user) => user.roleIds.includes(assignee.roleId));
    case "DEPARTMENT":
      return org.users.filter((user) => user.departmentId === assignee.departmentId);
    case "USER":
      return org.users.filter((user) => user.id === assignee.userId);
    default:
      return [];
  }
}

function describe(assignee: TAssignee, org: OrgSnapshot): string {
  switch (assignee.kind) {
    case "ROLE":
      return `role ${org.roleNames[assignee.roleId] ?? "(deleted role)"} has no active members`;
    case "DEPARTMENT":
      return `department ${org.departmentNames[assignee.departmentId] ?? "(deleted department)"} has no active members`;
    case "USER":
      return `${org.inactiveUserNames[assignee.userId] ?? "the chosen person"} is not an active user`;
    default:
      return "";
  }
}

const listNames = (people: readonly Person[]) => (people.length <= 3 ? people.map((p) => p.name).join(", ") : `${people.slice(0, 3).map((p) => p.name).join(", ")} and ${people.length - 3} more`);
const plural = (n: number, one: string, many: string) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

function levelProblems(level: CoverageLevel, org: OrgSnapshot): AnalysisProblem[] {
  if (level.assignees.length === 0) return []; // NO_ASSIGNEE (publish check) says it already
  const at = { levelId: level.id };
  const problems: AnalysisProblem[] = [];
  const byInitiator = level.assignees.some((assignee) => assignee.kind === "INITIATOR");
  const byManager = level.assignees.some((assignee) => assignee.kind === "INITIATOR_MANAGER");
  const fixed = level.assignees.filter((assignee) => assignee.kind === "ROLE" || assignee.kind === "DEPARTMENT" || assignee.kind === "USER");
  const empty = fixed.filter((assignee) => membersOf(assignee, org).length === 0);
  const pool = new Map(fixed.flatMap((assignee) => membersOf(assignee, org)).map((person) => [person.id, person]));
  const active = new Set(org.users.map((user) => user.id));
  const managerOf = (person: Person) => (person.managerId && active.has(person.managerId) && person.managerId !== person.id ? person.managerId : null);
  const withoutManager = org.users.filter((user) => !managerOf(user));
  const emptyText = empty.map((assignee) => describe(assignee, org)).join("; ");

  if (pool.size === 0 && !byInitiator && !(byManager && withoutManager.length < org.users.length)) {
    const why = [emptyText, byManager ? "nobody has an active manager" : ""].filter(Boolean).join("; ");
    problems.push({ code: "ASSIGNEE_NONE", severity: "error", message: `"${level.name}": ${why}, so no one could act on it.`, ...at });
    return problems;
  }
  if (empty.length > 0) problems.push({ code: "ASSIGNEE_EMPTY", severity: "warning", message: `"${level.name}": ${emptyText}.`, ...at });
  if (byManager && withoutManager.length > 0) {
    const fallback = pool.size > 0 || byInitiator ? "only the level's other assignees get their requests" : "their requests would reach no one at this level";
    problems.push({
      code: "ASSIGNEE_NO_MANAGER",
      severity: "warning",
      message: `"${level.name}" goes to the initiator's manager, but ${plural(withoutManager.length, "person has", "people have")} no active manager (${listNames(withoutManager)}): ${fallback}.`,
      counterExample: `a request started by ${withoutManager[0].name}`,
      ...at,
    });
  }
  if (!level.allowSelfApproval && !byInitiator) {
    for (const person of pool.values()) {
      const manager = byManager ? managerOf(person) : null;
      const others = [...pool.keys()].filter((id) => id !== person.id).length + (manager && !pool.has(manager) ? 1 : 0);
      if (others > 0) continue;
      problems.push({
        code: "ASSIGNEE_ONLY_INITIATOR",
        severity: "warning",
        message: `"${level.name}": if ${person.name} starts a request, nobody else can approve it — ${person.name} is its only eligible approver and self-approval is off.`,
        counterExample: `a request started by ${person.name}`,
        ...at,
      });
    }
  }
  if (level.approvalMode === "AT_LEAST" && !byInitiator && !byManager && pool.size < level.requiredApprovals) {
    problems.push({
      code: "ASSIGNEE_TOO_FEW",
      severity: "error",
      message: `"${level.name}" needs ${plural(level.requiredApprovals, "approval", "approvals")} but only ${plural(pool.size, "active person", "active people")} can approve it.`,
      ...at,
    });
  }
  return problems;
}

/** The assignee coverage problems of every level against the organisation snapshot. */
export function assigneeCoverage(definition: { levels: readonly CoverageLevel[] }, org: OrgSnapshot): AnalysisProblem[] {
  return definition.levels.flatMap((level) => levelProblems(level, org));
}
