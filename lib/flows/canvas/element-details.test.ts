import { describe, expect, it } from "vitest";
import { DEMO_FLOW, IDS } from "@/lib/flows/engine/test-fixtures";
import { describeGraph } from "./element-details";
import { definitionToCanvas } from "./graph";

describe("read-only details of a canvas", () => {
  const graph = definitionToCanvas(DEMO_FLOW, () => ({ x: 0, y: 0 }));
  const details = describeGraph(graph, { assignee: (assignee) => assignee.kind }, { amount: "Amount" });
  const value = (id: string, property: string) => details[id]!.rows.find((row) => row.property === property)?.value;

  it("describes each level with the diff's words for its settings", () => {
    expect(details[IDS.manager]!.title).toBe("Level 2: Manager Review");
    expect(value(IDS.manager, "assignees")).toBe("INITIATOR_MANAGER, ROLE");
    expect(value(IDS.manager, "due time")).toBe("48 h");
  });

  it("describes a branch: where it goes, its condition in words and as written, and the default", () => {
    expect(details["b-finance"]).toMatchObject({ title: "Branch from Manager Review" });
    expect(value("b-finance", "to")).toBe("Finance Approval");
    expect(value("b-finance", "when")).toBe("Amount is at least 1,000");
    expect(value("b-finance", "expression")).toBe("amount >= 1000");
    expect(value("b-small", "when")).toBe("otherwise (the default)");
    expect(value("b-small", "to")).toBe("Completed");
    expect(details["start-edge"]).toBeUndefined();
  });
});
