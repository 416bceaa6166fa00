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
  dagre.layout(graph);
  // dagre places centres; the canvas places top-left corners (on a 10 px grid, so snapping keeps them).
  return Object.fromEntries(
    graph.nodes().map((id) => {
      const { x, y, width, height } = graph.node(id);
      return [id, { x: Math.round((x - width / 2) / 10) * 10, y: Math.round((y - height / 2) / 10) * 10 }];
    }),
  );
}

/** Every node's position: the saved one where there is one, dagre's for the rest (new or never-placed nodes). */
export function resolvePositions(definition: TFlowDefinition, layout: TFlowLayout): Record<string, TPoint> {
  const ids = canvasNodeIds(definition);
  if (ids.every((id) => layout.nodes[id])) return Object.fromEntries(ids.map((id) => [id, layout.nodes[id]!]));
  const auto = autoLayout(definition);
  return Object.fromEntries(ids.map((id) => [id, layout.nodes[id] ?? auto[id]!]));
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
