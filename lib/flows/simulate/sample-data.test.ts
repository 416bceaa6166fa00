import { describe, expect, it } from "vitest";
import { t } from "@/lib/expressions/types";
import type { TFlowDefinition } from "@/lib/flows/definition";
import { DEMO_FLOW, EXPENSE_FIELDS } from "@/lib/flows/engine/test-fixtures";
import { boundaryValues, sampleData } from "./sample-data";

describe("sample data", () => {
  it("fills every field with a valid value of its type", () => {
    expect(sampleData({ ...EXPENSE_FIELDS, paid: t.boolean, due: t.date, receipt: t.list(t.string), "items.amount": t.list(t.number) })).toEqual({
      employee_name: "Sample employee name",
      amount: 100,
      category: "travel",
      paid: true,
      due: "2026-01-05",
      receipt: [],
    });
  });

  it("tries just below, at and well above every number a condition compares a field with", () => {
    expect(boundaryValues(DEMO_FLOW, EXPENSE_FIELDS)).toEqual({ amount: [999, 1000, 12000] });
  });

  it("takes constants from both sides, lists, options and dates", () => {
    const definition: TFlowDefinition = {
      ...DEMO_FLOW,
      branches: [
        { ...DEMO_FLOW.branches[1], condition: '5000 < amount and amount <= 250.5 or category in ["equipment"]' },
        { ...DEMO_FLOW.branches[2], id: "b-date", condition: 'due < date("2026-03-01")', isDefault: false },
      ],
    };
    expect(boundaryValues(definition, { ...EXPENSE_FIELDS, due: t.date })).toEqual({
      amount: [250.49, 250.5, 4999, 5000, 60000],
      category: ["equipment", "travel"],
      due: ["2026-02-28", "2026-03-01", "2026-03-02"],
    });
  });
});
