import { describe, expect, it } from "vitest";
import { t } from "@/lib/expressions/types";
import { DEMO_FLOW, EXPENSE_FIELDS, IDS } from "@/lib/flows/engine/test-fixtures";
import type { SimForm } from "./context";
import { sampleFieldsByLevel, valueFromInput } from "./sample-fields";

describe("sample fields", () => {
  it("asks for each field once, at the level whose forms fill it, leaving out what cannot be typed", () => {
    const second = { ...DEMO_FLOW, levels: DEMO_FLOW.levels.map((level) => (level.id === IDS.finance ? { ...level, taskVersionIds: ["tv-2"] } : level)) };
    const forms = new Map<string, SimForm>([
      [IDS.expenseForm, { fields: { ...EXPENSE_FIELDS, receipt: t.list(t.string) }, labels: { amount: "Amount" } }],
      ["tv-2", { fields: { amount: t.number, paid: t.boolean, "items.qty": t.list(t.number) } }],
    ]);
    expect(sampleFieldsByLevel(second, forms).map((level) => [level.levelName, level.fields.map((field) => field.label)])).toEqual([
      ["Employee Submission", ["employee_name", "Amount", "category"]],
      ["Finance Approval", ["paid"]],
    ]);
  });

  it("turns typed text into values of the field's type", () => {
    expect(valueFromInput(t.number, "12000")).toBe(12_000);
    expect(valueFromInput(t.number, "abc")).toBeUndefined();
    expect(valueFromInput(t.string, "  ")).toBeUndefined();
    expect(valueFromInput(t.datetime, "2026-01-05T09:30")).toBe("2026-01-05T09:30:00.000Z");
    expect(valueFromInput(t.date, "2026-01-05")).toBe("2026-01-05");
  });
});
