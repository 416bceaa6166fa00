// Two versions of a flow drawn as one canvas: the newer version's graph plus what the older one had
// and the newer one lost, each node and edge with its status (added, removed, changed, unchanged).
// The statuses come from the one version diff (lib/flows/editor/diff.ts) by the ids it reports; only
// the edges the canvas derives itself (Start → first level, the dashed "next level" fallbacks) are
// compared here, by where they go. Pure and client-safe.
import { matchLevels, type TFlowDiff } from "@/lib/flows/editor/diff";
import type { TFlowDefinition } from "@/lib/flows/definition";
import { definitionToCanvas, type CanvasEdge, type CanvasGraph, type CanvasNode } from "./graph";
import type { TPoint } from "./layout";

export type DiffStatus = "added" | "removed" | "changed" | "unchanged";
export type DiffStatuses = { nodes: Record<string, DiffStatus>; edges: Record<string, DiffStatus> };
export type DiffGraph = { graph: CanvasGraph; status: DiffStatuses };

/** Edges of the older version keep their id behind this prefix (a branch whose target changed keeps its id). */
export const REMOVED_EDGE_PREFIX = "removed:";

type Side = { definition: TFlowDefinition; positions: Readonly<Record<string, TPoint>> };

const place = (positions: Readonly<Record<string, TPoint>>) => (id: string) => positions[id] ?? { x: 0, y: 0 };
const route = (edge: CanvasEdge) => `${edge.kind}|${edge.source}|${edge.target}`;

/**
 * The union canvas of `before` → `after` with a status per node and edge. Positions: the newer
 * version's for its nodes, the older version's for the levels it removed (a draft keeps the
 * positions of the version it was copied from, so they share one drawing).
 */
export function diffGraph(input: { before: Side; after: Side; diff: TFlowDiff; labels?: Readonly<Record<string, string>> }): DiffGraph {
  const { before, after, diff, labels = {} } = input;
  const newer = definitionToCanvas(after.definition, place(after.positions), labels);
  const older = definitionToCanvas(before.definition, place(before.positions), labels);
  const pairs = matchLevels(before.definition, after.definition);
  // An older node id as the newer canvas names it: a matched level becomes its counterpart; removed
  // levels and the fixed Start/End nodes keep their ids.
  const asNewer = (id: string) => pairs.get(id) ?? id;

  const levelStatus = new Map<string, DiffStatus>([...diff.levels.added.map((item) => [item.id, "added"] as const), ...diff.levels.changed.map((item) => [item.id, "changed"] as const)]);
  const branchStatus = new Map<string, DiffStatus>([...diff.branches.added.map((item) => [item.id, "added"] as const), ...diff.branches.changed.map((item) => [item.id, "changed"] as const)]);
  const removedLevels = new Set(diff.levels.removed.map((item) => item.id));
  const removedBranches = new Set(diff.branches.removed.map((item) => item.id));

  const nodes: CanvasNode[] = [...newer.nodes, ...older.nodes.filter((node) => removedLevels.has(node.id))];
  const status: DiffStatuses = { nodes: {}, edges: {} };
  for (const node of newer.nodes) status.nodes[node.id] = levelStatus.get(node.id) ?? "unchanged";
  for (const id of removedLevels) status.nodes[id] = "removed";

  const olderDerived = new Set(older.edges.filter((edge) => edge.kind !== "branch").map((edge) => route({ ...edge, source: asNewer(edge.source), target: asNewer(edge.target) })));
  const newerDerived = new Set(newer.edges.filter((edge) => edge.kind !== "branch").map(route));
  const edges: CanvasEdge[] = [...newer.edges];
  for (const edge of newer.edges) {
    status.edges[edge.id] = edge.kind === "branch" ? (branchStatus.get(edge.id) ?? "unchanged") : olderDerived.has(route(edge)) ? "unchanged" : "added";
  }
  for (const edge of older.edges) {
    const moved = { ...edge, id: `${REMOVED_EDGE_PREFIX}${edge.id}`, source: asNewer(edge.source), target: asNewer(edge.target) };
    const gone = edge.kind === "branch" ? removedBranches.has(edge.id) : !newerDerived.has(route(moved));
    if (!gone) continue;
    edges.push(moved);
    status.edges[moved.id] = "removed";
  }
  return { graph: { nodes, edges }, status };
}
