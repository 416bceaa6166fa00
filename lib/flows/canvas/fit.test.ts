import { describe, expect, it } from "vitest";
import { nodesToFit, READABLE_ZOOM, zoomToFit } from "./fit";

// A top-to-bottom column: Start, then `levels` cards 96 px high, 80 px apart.
const column = (levels: number) => [
  { id: "start", x: 60, y: 0, width: 120, height: 44 },
  ...Array.from({ length: levels }, (_, i) => ({ id: `level-${i + 1}`, x: 0, y: 124 + i * 176, width: 240, height: 96 })),
];
const screen = { width: 1200, height: 800 };

describe("fit view", () => {
  it("fits a small flow whole", () => {
    expect(nodesToFit(column(3), screen)).toBeNull();
  });

  it("fits the start of a 50-level flow at a readable zoom, not the whole flow at a tenth", () => {
    const boxes = column(50);
    expect(zoomToFit(boxes, screen)).toBeLessThan(0.1);
    const ids = nodesToFit(boxes, screen)!;
    expect(ids.slice(0, 2)).toEqual(["start", "level-1"]);
    expect(ids).not.toContain("level-50");
    expect(zoomToFit(boxes.filter((box) => ids.includes(box.id)), screen)).toBeGreaterThanOrEqual(READABLE_ZOOM);
  });

  it("always keeps Start and the first level, even on a tiny screen", () => {
    expect(nodesToFit(column(50), { width: 100, height: 60 })).toEqual(["start", "level-1"]);
  });
});
