import { describe, expect, it } from "vitest";
import { SEED_EXPENSE_FORM } from "@/lib/seed/expense-form";
import { parseFormDefinition, type TFormDefinition } from "@/lib/forms/definition";
import { validateSubmission } from "@/lib/forms/submission";
import { combineLevelForms } from "./level-form";

const parsed = (input: unknown): TFormDefinition => {
  const result = parseFormDefinition(input);
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.definition;
};
const expense = parsed(SEED_EXPENSE_FORM);
const trip = parsed({
  schemaVersion: 1,
  fields: [
    { key: "destination", type: "text", label: "Destination", required: true },
    { key: "amount", type: "number", label: "Amount again" },
  ],
  logic: [],
});

describe("combineLevelForms", () => {
  it("returns a single form as it is, and nothing for a level without forms", () => {
    expect(combineLevelForms([{ name: "Expense", definition: expense }])).toBe(expense);
    expect(combineLevelForms([])).toBeNull();
  });

  it("puts each form under a heading with its name and asks for a shared key once", () => {
    const combined = combineLevelForms([
      { name: "Expense", definition: expense },
      { name: "Trip", definition: trip },
    ])!;
    expect(combined.fields.map((field) => [field.type, field.label])).toEqual([
      ["section", "Expense"],
      ["text", "Employee Name"],
      ["currency", "Amount"],
      ["dropdown", "Category"],
      ["file", "Receipt"],
      ["section", "Trip"],
      ["text", "Destination"],
    ]);
    const keys = combined.fields.map((field) => field.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("validates as the forms do one by one: each form's required fields are required", () => {
    const combined = combineLevelForms([
      { name: "Expense", definition: expense },
      { name: "Trip", definition: trip },
    ])!;
    const result = validateSubmission(combined, { employee_name: "Emma", amount: 10, category: "travel" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.fieldErrors).sort()).toEqual(["destination", "receipt"]);
  });
});
