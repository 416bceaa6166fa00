// What a gesture on the canvas does to the definition, through the editor's pure operations (so the
// canvas keeps exactly the invariants the list editor keeps): drawing a connection adds a branch,
// dragging an edge's end retargets it, deleting removes levels and branches, and pointing the Start
// edge at a level makes it the first one (orders renumbered 1..n). Pure and client-safe.
import type { TFlowBranch, TFlowDefinition } from "@/lib/flows/definition";
import { addBranch, newBranch, removeBranch, removeLevel, updateBranch } from "@/lib/flows/editor/operations";
import { COMPLETE_NODE, levelsInOrder, REJECT_NODE, START_EDGE, START_NODE } from "./graph";

export type Connection = { source: string; target: string };

const isEnd = (nodeId: string) => nodeId === COMPLETE_NODE || nodeId === REJECT_NODE;
const hasLevel = (definition: TFlowDefinition, id: string) => definition.levels.some((level) => level.id === id);

/** Where a branch drawn to `target` goes (null: not something a branch can go to). */
function branchTarget(definition: TFlowDefinition, target: string): Pick<TFlowBranch, "target" | "toLevelId"> | null {
  if (target === COMPLETE_NODE) return { target: "COMPLETE", toLevelId: null };
  if (target === REJECT_NODE) return { target: "REJECT", toLevelId: null };
  return hasLevel(definition, target) ? { target: "LEVEL", toLevelId: target } : null;
}

/** Whether a connection may be drawn: from Start to a level, or from a level to a level or an end. */
export function isValidConnection(definition: TFlowDefinition, connection: Connection): boolean {
  if (connection.source === START_NODE) return hasLevel(definition, connection.target);
  return hasLevel(definition, connection.source) && (isEnd(connection.target) || hasLevel(definition, connection.target));
}

/** Makes `levelId` the first level (the one the flow starts at); the others keep their relative order. */
export function setStartLevel(definition: TFlowDefinition, levelId: string): TFlowDefinition {
  const ordered = levelsInOrder(definition);
  const first = ordered.find((level) => level.id === levelId);
  if (!first) return definition;
  const levels = [first, ...ordered.filter((level) => level.id !== levelId)].map((level, index) => (level.order === index + 1 ? level : { ...level, order: index + 1 }));
  const byId = new Map(levels.map((level) => [level.id, level]));
  // The stored array keeps its order (only `order` says which level starts).
  return { ...definition, levels: definition.levels.map((level) => byId.get(level.id)!) };
}

/**
 * A connection drawn on the canvas: from Start it makes the target the first level; from a level a
 * new branch (the level's default when it has none, else a conditional one to fill in). Returns the
 * new branch's id so the canvas can select it.
 */
export function connect(definition: TFlowDefinition, connection: Connection): { definition: TFlowDefinition; branchId: string | null } {
  if (!isValidConnection(definition, connection)) return { definition, branchId: null };
  if (connection.source === START_NODE) return { definition: setStartLevel(definition, connection.target), branchId: null };
  const target = branchTarget(definition, connection.target)!;
  const branch = newBranch(definition, connection.source, target);
  return { definition: addBranch(definition, branch), branchId: branch.id };
}

/** An edge whose end was dragged elsewhere: the branch leaves/goes to the new nodes; the Start edge moves the start. */
export function reconnect(definition: TFlowDefinition, edgeId: string, connection: Connection): TFlowDefinition {
  if (!isValidConnection(definition, connection)) return definition;
  if (edgeId === START_EDGE) return connection.source === START_NODE ? setStartLevel(definition, connection.target) : definition;
  if (connection.source === START_NODE || !definition.branches.some((branch) => branch.id === edgeId)) return definition;
  return updateBranch(definition, edgeId, { fromLevelId: connection.source, ...branchTarget(definition, connection.target)! });
}

/** Deletes levels (with every branch touching them) and branches; Start, the ends and the drawn-only edges stay. */
export function deleteElements(definition: TFlowDefinition, selection: { nodeIds: readonly string[]; edgeIds: readonly string[] }): TFlowDefinition {
  let next = definition;
  for (const id of selection.edgeIds) next = removeBranch(next, id);
  for (const id of selection.nodeIds) if (hasLevel(next, id)) next = removeLevel(next, id);
  return next;
}
