import { describe, expect, it } from "vitest";
import type { TFlowDefinition } from "@/lib/flows/definition";
import { DEMO_FLOW, EXPENSE_FIELDS, IDS } from "@/lib/flows/engine/test-fixtures";
import { simulationContextFor } from "./context";
import { withLabels } from "./explain";
import { simulate } from "./run";

describe("decisions in words", () => {
  it("labels only the fields shown with their values, longest path first", () => {
    const labels = { amount: "Amount", amount_total: "Total", "initiator.departmentId": "Department" };
    expect(withLabels("amount_total (5) > amount (3) → true", labels)).toBe("Total (5) > Amount (3) → true");
    expect(withLabels('initiator.departmentId ("d1") == "d1" → true', labels)).toBe('Department ("d1") == "d1" → true');
    expect(withLabels('category ("amount") == "amount" → true', labels)).toBe('category ("amount") == "amount" → true');
  });

  it("explains a compound condition by its parts, with the values the engine saw", () => {
    const compound: TFlowDefinition = {
      ...DEMO_FLOW,
      branches: DEMO_FLOW.branches.map((branch) => (branch.id === "b-finance" ? { ...branch, condition: 'amount >= 1000 and category == "travel"' } : branch)),
    };
    const forms = new Map([[IDS.expenseForm, { fields: EXPENSE_FIELDS, labels: { amount: "Amount", category: "Category" } }]]);
    const run = simulate(compound, { data: { employee_name: "E", amount: 12_000, category: "equipment" } }, simulationContextFor(compound, forms));
    expect(run.steps[1].decision).toMatchObject({
      chosenBy: "default",
      explanation: 'Amount 12,000 ≥ 1,000 (yes) and Category "equipment" = "travel" (no): no; default “Under 1,000: done” → Completed',
      checks: [{ result: false, text: 'Amount 12,000 ≥ 1,000 (yes) and Category "equipment" = "travel" (no)' }],
    });
  });
});
