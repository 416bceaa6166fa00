// The difference between two flow versions in words: levels and branches added, removed and changed
// (setting by setting, old → new). Versions are separate rows with their own ids, so levels are
// matched by id, then by name, then by position (renamed);  branches by the levels they join and their target.
// Every item carries the ids it is about (added: the newer version's, removed: the older one's), so
// the canvas can colour the very nodes and edges the words describe.
import type { TAssignee, TEscalation, TFlowBranch, TFlowDefinition, TFlowLevel } from "@/lib/flows/definition";

export type DiffLabels = {
  /** A level assignee in words ("Role Finance", "Manager of the initiator"). */
  assignee?: (assignee: TAssignee) => string;
  /** A form version in words ("Expense Approval v1"). */
  form?: (taskVersionId: string) => string;
  /** An escalation target in words. */
  escalation?: (escalation: TEscalation) => string;
};

export type Change = { property: string; before: string; after: string };
/** A level or branch added (`id` in the newer version) or removed (`id` in the older one), in words. */
export type DiffItem = { id: string; label: string };
/** `id` in the newer version, `beforeId` in the older one. */
export type LevelChange = { id: string; beforeId: string; name: string; renamedFrom?: string; changes: Change[] };
export type BranchChange = { id: string; beforeId: string; label: string; changes: Change[] };

export type TFlowDiff = {
  levels: { added: DiffItem[]; removed: DiffItem[]; changed: LevelChange[] };
  branches: { added: DiffItem[]; removed: DiffItem[]; changed: BranchChange[] };
};

const ACTION_WORDS: Record<string, string> = { submit: "submit", approve: "approve", reject: "reject", send_back: "send back", request_changes: "request changes" };
const MODE_WORDS: Record<string, string> = { ANY: "any one assignee", ALL: "all assignees", AT_LEAST: "at least N" };

function defaultAssignee(assignee: TAssignee): string {
  switch (assignee.kind) {
    case "INITIATOR":
      return "The initiator";
    case "INITIATOR_MANAGER":
      return "Manager of the initiator";
    case "ROLE":
      return `Role ${assignee.roleId}`;
    case "DEPARTMENT":
      return `Department ${assignee.departmentId}`;
    case "USER":
      return `User ${assignee.userId}`;
  }
}

const list = (items: string[]) => (items.length === 0 ? "none" : items.join(", "));
const hours = (value: number | undefined) => (value === undefined ? "none" : `${value} h`);

/** A level's settings in words, as the diff compares them (also the read-only canvas's level details). */
export function levelSettings(level: TFlowLevel, position: number, labels: DiffLabels): Record<string, string> {
  const assignee = labels.assignee ?? defaultAssignee;
  const escalation = labels.escalation ?? ((target: TEscalation) => (target.to === "role" ? `Role ${target.roleId}` : "Manager of the initiator"));
  return {
    position: String(position),
    assignees: list(level.assignees.map(assignee).sort()),
    forms: list(level.taskVersionIds.map(labels.form ?? ((id) => id))),
    "approval mode": level.approvalMode === "AT_LEAST" ? `at least ${level.requiredApprovals}` : MODE_WORDS[level.approvalMode]!,
    "allowed actions": list(level.allowedActions.map((action) => ACTION_WORDS[action] ?? action)),
    "self-approval": level.allowSelfApproval ? "allowed" : "refused",
    "due time": hours(level.dueInHours),
    reminder: level.reminderBeforeHours === undefined ? "none" : `${level.reminderBeforeHours} h before due`,
    escalation: level.escalation ? escalation(level.escalation) : "none",
  };
}

function compare(before: Record<string, string>, after: Record<string, string>): Change[] {
  return Object.keys(after)
    .filter((property) => before[property] !== after[property])
    .map((property) => ({ property, before: before[property] ?? "none", after: after[property]! }));
}

const byOrder = (definition: TFlowDefinition) => [...definition.levels].sort((a, b) => a.order - b.order);

/** Pairs the levels of two versions: old level id → new level id. */
export function matchLevels(before: TFlowDefinition, after: TFlowDefinition): Map<string, string> {
  const pairs = new Map<string, string>();
  const oldLevels = byOrder(before);
  const newLevels = byOrder(after);
  const taken = new Set<string>();
  const pair = (predicate: (a: TFlowLevel, b: TFlowLevel) => boolean) => {
    for (const old of oldLevels) {
      if (pairs.has(old.id)) continue;
      const match = newLevels.find((candidate) => !taken.has(candidate.id) && predicate(old, candidate));
      if (match) {
        pairs.set(old.id, match.id);
        taken.add(match.id);
      }
    }
  };
  pair((a, b) => a.id === b.id);
  pair((a, b) => a.name.trim().toLowerCase() === b.name.trim().toLowerCase());
  // What is left at the same position with the same people or forms is the same level renamed.
  const same = (x: unknown[], y: unknown[]) => x.length > 0 && JSON.stringify(x) === JSON.stringify(y);
  pair((a, b) => oldLevels.indexOf(a) === newLevels.indexOf(b) && (same(a.assignees, b.assignees) || same(a.taskVersionIds, b.taskVersionIds)));
  return pairs;
}

/** Compares two versions of a flow (`before` → `after`). */
export function diffFlows(before: TFlowDefinition, after: TFlowDefinition, labels: DiffLabels = {}): TFlowDiff {
  const pairs = matchLevels(before, after);
  const matchedNew = new Set(pairs.values());
  const oldLevels = byOrder(before);
  const newLevels = byOrder(after);
  const newById = new Map(newLevels.map((level) => [level.id, level]));
  const oldName = new Map(oldLevels.map((level) => [level.id, level.name]));
  const newName = new Map(newLevels.map((level) => [level.id, level.name]));

  const changed: LevelChange[] = [];
  for (const old of oldLevels) {
    const match = pairs.get(old.id);
    if (!match) continue;
    const level = newById.get(match)!;
    const changes = compare(levelSettings(old, oldLevels.indexOf(old) + 1, labels), levelSettings(level, newLevels.indexOf(level) + 1, labels));
    const renamed = old.name !== level.name;
    if (renamed || changes.length > 0) changed.push({ id: level.id, beforeId: old.id, name: level.name, ...(renamed ? { renamedFrom: old.name } : {}), changes });
  }

  const target = (branch: TFlowBranch, names: Map<string, string>) =>
    branch.target === "LEVEL" ? (names.get(branch.toLevelId ?? "") ?? "?") : branch.target === "COMPLETE" ? "Complete" : "Reject";
  const label = (branch: TFlowBranch, names: Map<string, string>) =>
    `${names.get(branch.fromLevelId) ?? "?"} → ${target(branch, names)}${branch.isDefault ? " (default)" : branch.condition ? ` when ${branch.condition}` : ""}`;
  // A branch's identity across versions: where it leaves from and where it goes, in new-level ids.
  const keyOld = (branch: TFlowBranch) => `${pairs.get(branch.fromLevelId) ?? `old:${branch.fromLevelId}`}|${branch.target}|${branch.toLevelId ? (pairs.get(branch.toLevelId) ?? `old:${branch.toLevelId}`) : ""}`;
  const keyNew = (branch: TFlowBranch) => `${branch.fromLevelId}|${branch.target}|${branch.toLevelId ?? ""}`;
  const settings = (branch: TFlowBranch) => ({ condition: branch.isDefault ? "default" : (branch.condition ?? ""), priority: String(branch.priority), name: branch.name || "—" });

  const byPriority = (a: TFlowBranch, b: TFlowBranch) => a.priority - b.priority;
  const remaining = [...after.branches].sort(byPriority);
  const removedBranches: DiffItem[] = [];
  const changedBranches: BranchChange[] = [];
  for (const old of [...before.branches].sort(byPriority)) {
    const index = remaining.findIndex((candidate) => keyNew(candidate) === keyOld(old));
    if (index < 0) {
      removedBranches.push({ id: old.id, label: label(old, oldName) });
      continue;
    }
    const [branch] = remaining.splice(index, 1);
    const changes = compare(settings(old), settings(branch!));
    if (changes.length > 0) changedBranches.push({ id: branch!.id, beforeId: old.id, label: label(branch!, newName), changes });
  }

  return {
    levels: {
      added: newLevels.filter((level) => !matchedNew.has(level.id)).map((level) => ({ id: level.id, label: level.name })),
      removed: oldLevels.filter((level) => !pairs.has(level.id)).map((level) => ({ id: level.id, label: level.name })),
      changed,
    },
    branches: { added: remaining.map((branch) => ({ id: branch.id, label: label(branch, newName) })), removed: removedBranches, changed: changedBranches },
  };
}

/** True when two versions are the same in every respect the diff shows. */
export function isEmptyDiff(diff: TFlowDiff): boolean {
  return [diff.levels.added, diff.levels.removed, diff.levels.changed, diff.branches.added, diff.branches.removed, diff.branches.changed].every((part) => part.length === 0);
}
