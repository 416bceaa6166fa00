import { describe, expect, it } from "vitest";
import { buildDiagram, COMPLETE_NODE, REJECT_NODE, type DiagramInput } from "./diagram-layout";

// The seed's expense flow: submission → manager → (amount >= 1000) finance → complete; else complete.
const levels = [
  { id: "finance", name: "Finance Approval", order: 3 },
  { id: "submission", name: "Employee Submission", order: 1 },
  { id: "manager", name: "Manager Review", order: 2 },
];
const branches = [
  { id: "b1", name: "To manager", fromLevelId: "submission", target: "LEVEL", toLevelId: "manager", condition: null, isDefault: true, priority: 0 },
  { id: "b2", name: "Finance review (≥ 1,000)", fromLevelId: "manager", target: "LEVEL", toLevelId: "finance", condition: "amount >= 1000", isDefault: false, priority: 0 },
  { id: "b3", name: "Under 1,000: done", fromLevelId: "manager", target: "COMPLETE", toLevelId: null, condition: null, isDefault: true, priority: 1 },
  { id: "b4", name: "Approved", fromLevelId: "finance", target: "COMPLETE", toLevelId: null, condition: null, isDefault: true, priority: 0 },
];
const expense = (over: Partial<DiagramInput>): DiagramInput => ({ levels, branches, path: ["submission", "manager"], currentLevelId: "manager", status: "IN_PROGRESS", ...over });
const taken = (diagram: ReturnType<typeof buildDiagram>) => diagram.edges.filter((edge) => edge.taken).map((edge) => edge.id).sort();
const stateOf = (diagram: ReturnType<typeof buildDiagram>, id: string) => diagram.nodes.find((node) => node.id === id)?.state;

describe("buildDiagram", () => {
  it("maps levels and branches onto nodes and edges, highlighting the route and marking the current level", () => {
    const diagram = buildDiagram(expense({}));
    expect(diagram.nodes.map((node) => node.id)).toEqual(["submission", "manager", "finance", COMPLETE_NODE]);
    expect(diagram.edges.map((edge) => [edge.id, edge.label])).toEqual([
      ["submission->manager", "To manager (otherwise)"],
      ["manager->finance", "Finance review (≥ 1,000)"],
      [`manager->${COMPLETE_NODE}`, "Under 1,000: done (otherwise)"],
      [`finance->${COMPLETE_NODE}`, "Approved (otherwise)"],
    ]);
    expect(taken(diagram)).toEqual(["submission->manager"]);
    expect([stateOf(diagram, "submission"), stateOf(diagram, "manager"), stateOf(diagram, "finance")]).toEqual(["taken", "current", "idle"]);
    expect(diagram.path).toEqual([
      { label: "Employee Submission", state: "done" },
      { label: "Manager Review", state: "current" },
    ]);
  });

  it("follows a completed route to the end node, skipping the levels it did not visit", () => {
    const diagram = buildDiagram(expense({ currentLevelId: null, status: "COMPLETED" }));
    expect(taken(diagram)).toEqual([`manager->${COMPLETE_NODE}`, "submission->manager"]);
    expect(stateOf(diagram, "finance")).toBe("idle");
    expect(stateOf(diagram, COMPLETE_NODE)).toBe("taken");
    expect(diagram.path.at(-1)).toEqual({ label: "Completed", state: "end" });
  });

  it("draws a rejection by decision to a Rejected node, which is absent otherwise", () => {
    expect(buildDiagram(expense({})).nodes.some((node) => node.id === REJECT_NODE)).toBe(false);
    const diagram = buildDiagram(expense({ path: ["submission", "manager", "finance"], currentLevelId: null, status: "REJECTED" }));
    expect(diagram.edges.find((edge) => edge.id === `finance->${REJECT_NODE}`)).toMatchObject({ taken: true, implicit: true, label: "rejected" });
    expect(stateOf(diagram, REJECT_NODE)).toBe("taken");
    expect(diagram.path.map((step) => step.label)).toEqual(["Employee Submission", "Manager Review", "Finance Approval", "Rejected"]);
  });

  it("adds the engine's fallback to the next level (or the end) where a level has no default branch", () => {
    const diagram = buildDiagram({
      levels: [
        { id: "a", name: "A", order: 1 },
        { id: "b", name: "B", order: 2 },
      ],
      branches: [{ id: "x", name: "", fromLevelId: "a", target: "REJECT", toLevelId: null, condition: "amount > 9", isDefault: false, priority: 0 }],
      path: ["a"],
      currentLevelId: "a",
      status: "IN_PROGRESS",
    });
    expect(diagram.edges.map((edge) => [edge.id, edge.label, edge.implicit])).toEqual([
      [`a->${REJECT_NODE}`, "amount > 9", false],
      ["a->b", "otherwise", true],
      [`b->${COMPLETE_NODE}`, "", true],
    ]);
  });

  it("lays nodes out top to bottom without overlaps, as top-left corners", () => {
    const { nodes } = buildDiagram(expense({}));
    const y = (id: string) => nodes.find((node) => node.id === id)!.y;
    expect(y("submission")).toBeLessThan(y("manager"));
    expect(y("manager")).toBeLessThan(y("finance"));
    for (const a of nodes)
      for (const b of nodes)
        if (a !== b) expect(a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y).toBe(true);
  });

  it("routes every arrow from its level to its target, with room for its label off the levels", () => {
    const { nodes, edges } = buildDiagram(expense({}));
    const box = (id: string) => nodes.find((node) => node.id === id)!;
    const inside = (point: { x: number; y: number }, id: string) => {
      const node = box(id);
      return point.x > node.x && point.x < node.x + node.width && point.y > node.y && point.y < node.y + node.height;
    };
    for (const edge of edges) {
      expect(edge.points.length).toBeGreaterThanOrEqual(2);
      expect(edge.points[0]!.y).toBeLessThan(edge.points.at(-1)!.y); // top to bottom
      if (edge.label) expect(edge.labelAt).not.toBeNull();
      for (const node of nodes) if (edge.labelAt) expect(inside(edge.labelAt, node.id)).toBe(false);
    }
  });

  it("says a cancelled request ended where it was", () => {
    const diagram = buildDiagram(expense({ currentLevelId: null, status: "CANCELLED" }));
    expect(taken(diagram)).toEqual(["submission->manager"]);
    expect(diagram.path.at(-1)).toEqual({ label: "Cancelled", state: "end" });
  });
});
