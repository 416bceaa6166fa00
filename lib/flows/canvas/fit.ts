// What "Fit view" fits. A large flow fitted whole shrinks every card to an unreadable stamp, so below
// a readable zoom the view fits the start of the flow instead (the top band of nodes, Start first);
// the minimap shows the rest. Pure: the canvas measures, this decides.

/** Below this zoom a level card's text cannot be read. */
export const READABLE_ZOOM = 0.35;
export const FIT_PADDING = 0.1;

type Box = { id: string; x: number; y: number; width: number; height: number };
type Size = { width: number; height: number };

/** The zoom at which all of `boxes` fit into `container` (with the padding on every side). */
export function zoomToFit(boxes: readonly Box[], container: Size, padding = FIT_PADDING): number {
  if (boxes.length === 0) return 1;
  const width = Math.max(...boxes.map((box) => box.x + box.width)) - Math.min(...boxes.map((box) => box.x));
  const height = Math.max(...boxes.map((box) => box.y + box.height)) - Math.min(...boxes.map((box) => box.y));
  return Math.min(container.width / (width * (1 + 2 * padding)), container.height / (height * (1 + 2 * padding)));
}

/**
 * The ids of the nodes to fit: null for all of them when they fit at a readable zoom, else the nodes
 * whose whole card lies in the top band the container shows at that zoom (at least the topmost two,
 * Start and the first level in a top-to-bottom layout).
 */
export function nodesToFit(boxes: readonly Box[], container: Size, minZoom = READABLE_ZOOM, padding = FIT_PADDING): string[] | null {
  if (boxes.length === 0 || zoomToFit(boxes, container, padding) >= minZoom) return null;
  const top = Math.min(...boxes.map((box) => box.y));
  const bandHeight = container.height / minZoom / (1 + 2 * padding);
  const byTop = [...boxes].sort((a, b) => a.y - b.y || a.x - b.x);
  const inBand = byTop.filter((box) => box.y + box.height - top <= bandHeight);
  return (inBand.length >= 2 ? inBand : byTop.slice(0, 2)).map((box) => box.id);
}
