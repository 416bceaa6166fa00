import { describe, expect, it } from "vitest";
import { parseFormDefinition } from "@/lib/forms/definition";
import { fieldFactsOf } from "./field-facts";

const form = (fields: unknown[]) => {
  const parsed = parseFormDefinition({ schemaVersion: 1, fields });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.definition;
};

describe("field facts", () => {
  it("knows which values may be missing: optional, shown conditionally, or under a conditional section", () => {
    const facts = fieldFactsOf(
      form([
        { key: "amount", label: "Amount", type: "number", required: true, validation: { min: 0, integer: true } },
        { key: "note", label: "Note", type: "text" },
        { key: "has_receipt", label: "Has receipt", type: "yes_no", required: true },
        { key: "receipt_total", label: "Receipt total", type: "number", required: true, conditions: { show: { source: "has_receipt" } } },
        { key: "travel", label: "Travel", type: "section", conditions: { show: { source: "amount > 100" } } },
        { key: "km", label: "Kilometres", type: "number", required: true },
      ]),
    );
    expect(facts.amount).toEqual({ label: "Amount", canBeEmpty: false, min: 0, integer: true });
    expect(facts.note).toEqual({ label: "Note", canBeEmpty: true });
    expect(facts.has_receipt.canBeEmpty).toBe(false);
    expect(facts.receipt_total).toEqual({ label: "Receipt total", canBeEmpty: true, hiddenWhen: "has_receipt" });
    expect(facts.km).toEqual({ label: "Kilometres", canBeEmpty: true, hiddenWhen: "amount > 100" });
    expect(facts.travel).toBeUndefined();
  });
});
