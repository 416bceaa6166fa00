// Edits of a flow definition as pure functions (definition in, new definition out), shared by the
// structured editor and the canvas so both keep the same invariants: levels ordered 1..n without
// gaps, branches never pointing at a removed level, one default per level, distinct priorities.
import type { TFlowBranch, TFlowDefinition, TFlowLevel } from "@/lib/flows/definition";
import { newId } from "./new-id";

type Definition = TFlowDefinition;

const sortedLevels = (definition: Definition) => [...definition.levels].sort((a, b) => a.order - b.order);
const renumber = (levels: TFlowLevel[]) => levels.map((level, index) => (level.order === index + 1 ? level : { ...level, order: index + 1 }));

/** A new level with safe defaults: decided by any one assignee, approve or reject, no forms. */
export function newLevel(overrides: Partial<TFlowLevel> = {}): TFlowLevel {
  return {
    id: newId(),
    name: "New level",
    order: 0,
    approvalMode: "ANY",
    requiredApprovals: 1,
    allowedActions: ["approve", "reject"],
    allowSelfApproval: false,
    assignees: [],
    taskVersionIds: [],
    ...overrides,
  };
}

/** Appends a level (or inserts it after `afterLevelId`), renumbering orders 1..n. */
export function addLevel(definition: Definition, level: TFlowLevel, afterLevelId?: string): Definition {
  const levels = sortedLevels(definition);
  const at = afterLevelId ? levels.findIndex((item) => item.id === afterLevelId) + 1 : levels.length;
  levels.splice(at <= 0 ? levels.length : at, 0, level);
  return { ...definition, levels: renumber(levels) };
}

/** Removes a level and every branch that leaves it or goes to it. */
export function removeLevel(definition: Definition, levelId: string): Definition {
  return {
    ...definition,
    levels: renumber(sortedLevels(definition).filter((level) => level.id !== levelId)),
    branches: definition.branches.filter((branch) => branch.fromLevelId !== levelId && branch.toLevelId !== levelId),
  };
}

/** Moves a level one place up (-1) or down (+1) in the order; a move past either end changes nothing. */
export function moveLevel(definition: Definition, levelId: string, direction: -1 | 1): Definition {
  const levels = sortedLevels(definition);
  const from = levels.findIndex((level) => level.id === levelId);
  const to = from + direction;
  if (from < 0 || to < 0 || to >= levels.length) return definition;
  [levels[from], levels[to]] = [levels[to]!, levels[from]!];
  return { ...definition, levels: renumber(levels) };
}

/** Replaces some settings of a level. */
export function updateLevel(definition: Definition, levelId: string, changes: Partial<Omit<TFlowLevel, "id" | "order">>): Definition {
  return { ...definition, levels: definition.levels.map((level) => (level.id === levelId ? { ...level, ...changes } : level)) };
}

/** The lowest priority not yet used by a branch leaving `levelId`, after the highest in use. */
export function nextPriority(definition: Definition, levelId: string): number {
  const used = definition.branches.filter((branch) => branch.fromLevelId === levelId).map((branch) => branch.priority);
  return used.length === 0 ? 0 : Math.max(...used) + 1;
}

/**
 * A new branch leaving `fromLevelId`: it goes to the next level by order (or completes the flow after
 * the last one) and is the level's default when it has none yet — so it is valid as created.
 */
export function newBranch(definition: Definition, fromLevelId: string, overrides: Partial<TFlowBranch> = {}): TFlowBranch {
  const levels = sortedLevels(definition);
  const next = levels[levels.findIndex((level) => level.id === fromLevelId) + 1];
  const hasDefault = definition.branches.some((branch) => branch.fromLevelId === fromLevelId && branch.isDefault);
  return {
    id: newId(),
    name: "",
    fromLevelId,
    target: next ? "LEVEL" : "COMPLETE",
    toLevelId: next ? next.id : null,
    condition: hasDefault ? "" : null,
    isDefault: !hasDefault,
    priority: nextPriority(definition, fromLevelId),
    ...overrides,
  };
}

export function addBranch(definition: Definition, branch: TFlowBranch): Definition {
  return { ...definition, branches: [...definition.branches, branch] };
}

export function removeBranch(definition: Definition, branchId: string): Definition {
  return { ...definition, branches: definition.branches.filter((branch) => branch.id !== branchId) };
}

/**
 * Changes a branch, keeping its invariants: a target other than LEVEL clears the level; a new
 * `fromLevelId` takes a free priority there; becoming the default clears the condition and the
 * previous default of that level (which gets an empty condition to fill in).
 */
export function updateBranch(definition: Definition, branchId: string, changes: Partial<Omit<TFlowBranch, "id">>): Definition {
  const current = definition.branches.find((branch) => branch.id === branchId);
  if (!current) return definition;
  const updated: TFlowBranch = { ...current, ...changes };
  if (updated.target !== "LEVEL") updated.toLevelId = null;
  if (changes.fromLevelId && changes.fromLevelId !== current.fromLevelId && changes.priority === undefined) {
    updated.priority = nextPriority(removeBranch(definition, branchId), changes.fromLevelId);
  }
  if (changes.isDefault === true) updated.condition = null;
  if (changes.isDefault === false && updated.condition === null) updated.condition = "";
  return {
    ...definition,
    branches: definition.branches.map((branch) => {
      if (branch.id === branchId) return updated;
      if (updated.isDefault && branch.isDefault && branch.fromLevelId === updated.fromLevelId) return { ...branch, isDefault: false, condition: "" };
      return branch;
    }),
  };
}
