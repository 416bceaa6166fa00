import { describe, expect, it } from "vitest";
import { NODE_SIZE } from "./auto-layout";
import { bowedEdge } from "./edge-path";

describe("edge geometry", () => {
  it("draws an edge to the next rank as an ordinary curve", () => {
    expect(bowedEdge({ x: 100, y: 100 }, { x: 100, y: 250 })).toBeNull();
  });

  it("bows an edge that skips a level out past that level's half width, label beside it", () => {
    const geometry = bowedEdge({ x: 100, y: 100 }, { x: 100, y: 600 })!;
    expect(geometry.labelX - 100).toBeGreaterThan(NODE_SIZE.level.width / 2 + 20);
    expect(geometry.labelY).toBe(350);
    expect(geometry.labelAnchor).toBe("left");
  });

  it("bows an edge going back up (a loop to an earlier level)", () => {
    expect(bowedEdge({ x: 100, y: 600 }, { x: 100, y: 100 })).not.toBeNull();
  });
});
