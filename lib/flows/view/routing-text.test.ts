import { describe, expect, it } from "vitest";
import type { RoutingDecision } from "@/lib/flows/engine/types";
import { readableCondition, routingText } from "./routing-text";

const names: Record<string, string> = { manager: "Manager Review", finance: "Finance Approval" };
const levelName = (id: string) => names[id] ?? id;

describe("readableCondition", () => {
  it("groups numbers, uses math signs and says yes or no", () => {
    expect(readableCondition("amount (12000) >= 1000 → true")).toBe("amount 12,000 ≥ 1,000 → yes");
    expect(readableCondition("amount (500) >= 1000 → false")).toBe("amount 500 ≥ 1,000 → no");
  });

  it("leaves dates, times and decimals' fractions alone", () => {
    expect(readableCondition('due ("2026-01-31") <= 2026-02-01 → true')).toBe('due ("2026-01-31") ≤ 2026-02-01 → yes');
    expect(readableCondition("total (1234.5) != 0 → true")).toBe("total 1,234.5 ≠ 0 → yes");
  });
});

describe("routingText", () => {
  it("explains a branch taken because its condition held", () => {
    const decision: RoutingDecision = {
      fromLevelId: "manager",
      evaluated: [{ branchId: "b", name: "Finance review (≥ 1,000)", source: "amount >= 1000", result: true, explanation: "amount (12000) >= 1000 → true" }],
      chosenBy: "condition",
      branchId: "b",
      target: { kind: "LEVEL", levelId: "finance" },
      summary: "",
    };
    expect(routingText(decision, levelName)).toEqual({
      from: "Manager Review",
      checks: ["Finance review (≥ 1,000): amount 12,000 ≥ 1,000 → yes"],
      outcome: "→ “Finance Approval” (its condition holds)",
    });
  });

  it("explains a default taken after a condition failed, and a compound condition by its verdict", () => {
    const decision: RoutingDecision = {
      fromLevelId: "manager",
      evaluated: [{ branchId: "b", name: "Big", source: "amount >= 1000 and category == \"travel\"", result: false, explanation: "all of → false\n  amount (500) >= 1000 → false" }],
      chosenBy: "default",
      branchId: "d",
      target: { kind: "COMPLETE" },
      summary: "",
    };
    expect(routingText(decision, levelName)).toEqual({
      from: "Manager Review",
      checks: ['Big: amount ≥ 1,000 and category = "travel" → no'],
      outcome: "→ completed (no condition held, so the default branch)",
    });
  });
});
