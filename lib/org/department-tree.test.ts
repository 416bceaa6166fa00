import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildTree, descendantIds, flattenTree, moveProblem, type DepartmentNode } from "@/lib/org/department-tree";

const rows: DepartmentNode[] = [
  { id: "eng", name: "Engineering", parentId: null },
  { id: "fin", name: "Finance", parentId: null },
  { id: "web", name: "Web", parentId: "eng" },
  { id: "api", name: "API", parentId: "eng" },
  { id: "edge", name: "Edge", parentId: "api" },
];

describe("department tree", () => {
  it("nests and sorts by name", () => {
    const flat = flattenTree(buildTree(rows)).map((node) => `${"-".repeat(node.depth)}${node.name}`);
    expect(flat).toEqual(["Engineering", "-API", "--Edge", "-Web", "Finance"]);
  });

  it("finds descendants", () => {
    expect([...descendantIds(rows, "eng")].sort()).toEqual(["api", "edge", "web"]);
    expect(descendantIds(rows, "fin").size).toBe(0);
  });

  it("refuses moves that would make a cycle", () => {
    expect(moveProblem(rows, "eng", "edge")).toBe("Cannot move a department under its own sub-department (Edge).");
    expect(moveProblem(rows, "eng", "eng")).toBe("A department cannot be its own parent.");
    expect(moveProblem(rows, "api", "fin")).toBeNull();
    expect(moveProblem(rows, "api", null)).toBeNull();
    expect(moveProblem(rows, "api", "missing")).toBe("The new parent department does not exist.");
  });

  it("keeps every allowed move a tree (property)", () => {
    // Random forests: node i may only have a parent with a smaller index, so the input is acyclic.
    const forest = fc.integer({ min: 1, max: 12 }).chain((size) =>
      fc.tuple(...Array.from({ length: size }, (_, index) => fc.option(fc.integer({ min: 0, max: Math.max(0, index - 1) }), { nil: null }).map((parent) => (index === 0 ? null : parent)))),
    );
    fc.assert(
      fc.property(forest, fc.nat(), fc.nat(), (parents, a, b) => {
        const nodes = parents.map((parent, index) => ({ id: `n${index}`, name: `N${index}`, parentId: parent === null ? null : `n${parent}` }));
        const id = nodes[a % nodes.length]!.id;
        const target = nodes[b % nodes.length]!.id;
        if (moveProblem(nodes, id, target) !== null) return;
        const moved = nodes.map((node) => (node.id === id ? { ...node, parentId: target } : node));
        // Every node still reaches a root without revisiting anyone.
        for (const start of moved) {
          const seen = new Set<string>();
          let current: DepartmentNode | undefined = start;
          while (current?.parentId) {
            expect(seen.has(current.id)).toBe(false);
            seen.add(current.id);
            current = moved.find((node) => node.id === current!.parentId);
          }
        }
        expect(flattenTree(buildTree(moved))).toHaveLength(moved.length);
      }),
    );
  });
});
