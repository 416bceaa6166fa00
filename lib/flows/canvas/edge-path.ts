// How an edge is drawn between two handles. Edges are curves, not routed around nodes, so an edge
// that skips a level (manager → Completed past finance) or goes back up (a loop) bows out to the
// right, wider than a level, instead of cutting through the levels in its column. Pure.
import { NODE_SIZE } from "./auto-layout";

export type EdgeGeometry = { path: string; labelX: number; labelY: number; labelAnchor: "centre" | "left" };

// Farther than one rank below: it passes at least one level's row.
const SKIPS = NODE_SIZE.level.height + 120;
const BOW = NODE_SIZE.level.width * 0.9;

/** A bowed cubic for long and backward edges; null when the ordinary curve between handles is fine. */
export function bowedEdge(source: { x: number; y: number }, target: { x: number; y: number }): EdgeGeometry | null {
  const dy = target.y - source.y;
  if (dy >= 0 && dy <= SKIPS) return null;
  // A cubic's farthest point from the chord is 3/4 of the control points' offset.
  const right = Math.max(source.x, target.x) + BOW;
  const reach = dy >= 0 ? dy * 0.35 : 80;
  const path = `M ${source.x} ${source.y} C ${right} ${source.y + reach}, ${right} ${target.y - reach}, ${target.x} ${target.y}`;
  // The curve's midpoint (t = 1/2): (P0 + 3 P1 + 3 P2 + P3) / 8.
  const labelX = (source.x + 6 * right + target.x) / 8;
  const labelY = (source.y + 3 * (source.y + reach) + 3 * (target.y - reach) + target.y) / 8;
  return { path, labelX, labelY, labelAnchor: "left" };
}
