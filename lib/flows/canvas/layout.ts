// Where the canvas draws things: node positions (by level id, or the fixed ids of the start and end
// nodes) and the viewport. UI data kept apart from the definition (house style rule 5): it is saved
// with the draft in FlowVersion.layout, but the engine never reads it. Client-safe.
import { z } from "zod";

const ZCoordinate = z.number().finite().min(-1_000_000).max(1_000_000);
export const ZPoint = z.object({ x: ZCoordinate, y: ZCoordinate });
export type TPoint = z.infer<typeof ZPoint>;

export const MAX_LAYOUT_NODES = 500;

export const ZFlowLayout = z.object({
  nodes: z
    .record(z.string().min(1).max(200), ZPoint)
    .refine((nodes) => Object.keys(nodes).length <= MAX_LAYOUT_NODES, `At most ${MAX_LAYOUT_NODES} node positions`),
  viewport: z.object({ x: ZCoordinate, y: ZCoordinate, zoom: z.number().min(0.05).max(4) }).optional(),
});
export type TFlowLayout = z.infer<typeof ZFlowLayout>;

export const EMPTY_LAYOUT: TFlowLayout = { nodes: {} };

/** A stored layout as far as it is usable: anything invalid is ignored, node ids not in `nodeIds` are dropped. */
export function readLayout(raw: unknown, nodeIds: Iterable<string>): TFlowLayout {
  const parsed = ZFlowLayout.safeParse(raw);
  if (!parsed.success) return EMPTY_LAYOUT;
  const known = new Set(nodeIds);
  const nodes = Object.fromEntries(Object.entries(parsed.data.nodes).filter(([id]) => known.has(id)));
  return parsed.data.viewport ? { nodes, viewport: parsed.data.viewport } : { nodes };
}
