// Auto-layout of the canvas with dagre (top to bottom, ranks by the branches), and the positions of
// nodes a saved layout does not place. Pure: dagre computes, nothing is drawn here.
import dagre from "@dagrejs/dagre";
import type { TFlowDefinition } from "@/lib/flows/definition";
import { canvasNodeIds, COMPLETE_NODE, levelsInOrder, REJECT_NODE, START_NODE, targetNodeOf } from "./graph";
import type { TFlowLayout, TPoint } from "./layout";

/** The size the canvas draws each kind of node at (dagre needs it to keep them apart). */
export const NODE_SIZE = { level: { width: 240, height: 96 }, start: { width: 120, height: 44 }, end: { width: 130, height: 44 } } as const;

export const sizeOf = (nodeId: string) => (nodeId === START_NODE ? NODE_SIZE.start : nodeId === COMPLETE_NODE || nodeId === REJECT_NODE ? NODE_SIZE.end : NODE_SIZE.level);

/** A position (top-left corner) for every node of the canvas, laid out by dagre. */
export function autoLayout(definition: TFlowDefinition): Record<string, TPoint> {
  const graph = new dagre.graphlib.Graph({ multigraph: true });
  // Up-right alignment keeps a level's main line straight and puts edges that skip a level (to an
  // end, say) beside the levels they pass, not through them (edges are drawn as curves, not routed).
  graph.setGraph({ rankdir: "TB", nodesep: 60, ranksep: 80, marginx: 20, marginy: 20, align: "UR" });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const id of canvasNodeIds(definition)) graph.setNode(id, { ...sizeOf(id) });
  const ordered = levelsInOrder(definition);
  if (ordered[0]) graph.setEdge(START_NODE, ordered[0].id, {}, "start");
  // Labels take room, so an arrow's words do not sit under a level.
  for (const branch of definition.branches) graph.setEdge(branch.fromLevelId, targetNodeOf(branch), { width: 150, height: 20, labelpos: "c" }, branch.id);
  ordered.forEach((level, index) => {
    if (!definition.branches.some((branch) => branch.fromLevelId === level.id && branch.isDefault)) graph.setEdge(level.id, ordered[index + 1]?.id ?? COMPLETE_NODE, {}, `fallback:${level.id}`);
  });
  // Nothing leads to Rejected yet: without an edge dagre would put it in the top row beside Start, and
  // the first branch drawn to it would climb the whole canvas. An unweighted edge from the last level
  // ranks it at the bottom, beside Completed.
  const last = ordered.at(-1);
  if (last && !definition.branches.some((branch) => branch.target === "REJECT")) graph.setEdge(last.id, REJECT_NODE, { weight: 0 }, "rank:reject");
  dagre.layout(graph);
  // dagre places centres; the canvas places top-left corners (on a 10 px grid, so snapping keeps them).
  return Object.fromEntries(
    graph.nodes().map((id) => {
      const { x, y, width, height } = graph.node(id);
      return [id, { x: Math.round((x - width / 2) / 10) * 10, y: Math.round((y - height / 2) / 10) * 10 }];
    }),
  );
}

/**
 * Every node's position: the saved one where there is one; the rest (a level added in the list view,
 * say) where dagre ranks it, moved along with its nearest saved neighbour and then down/right to the
 * nearest free slot, so it never lands on a node the designer placed.
 */
export function resolvePositions(definition: TFlowDefinition, layout: TFlowLayout): Record<string, TPoint> {
  const ids = canvasNodeIds(definition);
  if (ids.every((id) => layout.nodes[id])) return Object.fromEntries(ids.map((id) => [id, layout.nodes[id]!]));
  const auto = autoLayout(definition);
  const saved = Object.fromEntries(ids.flatMap((id) => (layout.nodes[id] ? [[id, layout.nodes[id]!] as const] : [])));
  return placeUnpositioned(ids, saved, auto);
}

/** The gap kept between a placed node and the nodes already there. */
const CLEARANCE = 40;
const STEP = 20;
// Offsets below/right of the wanted spot, nearest first (computed once; 3,000 px each way is plenty).
const FREE_SLOT_OFFSETS = (() => {
  const offsets: TPoint[] = [];
  for (let dx = 0; dx <= 3000; dx += STEP) for (let dy = 0; dy <= 3000; dy += STEP) offsets.push({ x: dx, y: dy });
  return offsets.sort((a, b) => a.x * a.x + a.y * a.y - (b.x * b.x + b.y * b.y));
})();

type Box = { x: number; y: number; width: number; height: number };
const boxOf = (id: string, at: TPoint): Box => ({ ...at, ...sizeOf(id) });
/** Whether two boxes come closer than the clearance. */
export const boxesOverlap = (a: Box, b: Box, clearance = 0) =>
  a.x < b.x + b.width + clearance && b.x < a.x + a.width + clearance && a.y < b.y + b.height + clearance && b.y < a.y + a.height + clearance;

/**
 * Places the nodes `placed` lacks (in dagre's reading order, top to bottom): at dagre's spot shifted by
 * how far the nearest placed node moved from its own dagre spot, then at the nearest free slot
 * below/right of that. Pure; with nothing placed it is dagre's layout.
 */
export function placeUnpositioned(ids: readonly string[], placed: Readonly<Record<string, TPoint>>, auto: Readonly<Record<string, TPoint>>): Record<string, TPoint> {
  const result: Record<string, TPoint> = { ...placed };
  if (Object.keys(placed).length === 0) return Object.fromEntries(ids.map((id) => [id, auto[id]!]));
  const missing = ids.filter((id) => !placed[id]).sort((a, b) => auto[a]!.y - auto[b]!.y || auto[a]!.x - auto[b]!.x);
  for (const id of missing) {
    const mine = auto[id]!;
    const anchor = Object.keys(result)
      .filter((other) => auto[other])
      .sort((a, b) => Math.hypot(auto[a]!.x - mine.x, auto[a]!.y - mine.y) - Math.hypot(auto[b]!.x - mine.x, auto[b]!.y - mine.y))[0];
    const wanted = anchor ? { x: mine.x + result[anchor]!.x - auto[anchor]!.x, y: mine.y + result[anchor]!.y - auto[anchor]!.y } : mine;
    const others = Object.entries(result).map(([other, at]) => boxOf(other, at));
    const free = FREE_SLOT_OFFSETS.map((offset) => ({ x: wanted.x + offset.x, y: wanted.y + offset.y })).find((at) => others.every((box) => !boxesOverlap(boxOf(id, at), box, CLEARANCE)));
    // Past 3,000 px of crowding, below everything is always free.
    result[id] = free ?? { x: wanted.x, y: Math.max(...others.map((box) => box.y + box.height)) + CLEARANCE };
  }
  return Object.fromEntries(ids.map((id) => [id, result[id]!]));
}

/**
 * Where "Add level" (without a drop point) puts a new level: on an empty flow, where auto-layout puts
 * it (Start above, the ends below); otherwise under everything drawn, in line with the lowest level.
 */
export function placeNewLevel(definition: TFlowDefinition, positions: Readonly<Record<string, TPoint>>, levelId: string): Record<string, TPoint> {
  const others = definition.levels.filter((level) => level.id !== levelId);
  if (others.length === 0) return autoLayout(definition);
  const lowest = others.map((level) => positions[level.id]).filter((at): at is TPoint => Boolean(at)).sort((a, b) => b.y - a.y)[0] ?? { x: 0, y: 0 };
  const bottom = Math.max(...Object.values(positions).map((at) => at.y));
  return { ...positions, [levelId]: { x: lowest.x, y: Math.round((bottom + NODE_SIZE.level.height + 60) / 10) * 10 } };
}
