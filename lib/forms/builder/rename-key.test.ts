import { describe, expect, it } from "vitest";
import { parseFormDefinition, type TFormDefinition } from "@/lib/forms/definition";
import { findField, replaceField } from "./operations";
import { renameKeyReferences } from "./rename-key";

const form: TFormDefinition = {
  schemaVersion: 1,
  fields: [
    { key: "amount", type: "currency", label: "Amount", currency: "USD" },
    { key: "receipt", type: "file", label: "Receipt", conditions: { require: { source: "amount > 100" }, show: { source: "sum(items.price) > 0 or amount >= 1" } } },
    {
      key: "items",
      type: "repeating_group",
      label: "Items",
      fields: [
        { key: "price", type: "number", label: "Price" },
        { key: "qty", type: "number", label: "Quantity", conditions: { show: { source: "price > 0" } } },
        { key: "line", type: "calculated", label: "Line", expression: "price * qty", resultType: "number" },
      ],
      validation: { uniqueWithinGroup: ["price"] },
    },
    { key: "total", type: "calculated", label: "Total", expression: "sum(items.price) + amount", resultType: "number" },
  ],
  logic: [{ id: "big", assert: { source: "amount < 10000" }, message: "Too much", field: "amount" }],
};

function renamed(definition: TFormDefinition, from: string, to: string) {
  const field = findField(definition, from)!;
  return renameKeyReferences(replaceField(definition, from, { ...field, key: to }), from, to);
}

describe("renameKeyReferences", () => {
  it("rewrites conditions, calculations and form rules that read a top-level field", () => {
    const next = renamed(form, "amount", "total_amount");
    expect(JSON.stringify(next)).not.toMatch(/"amount|\bamount\b(?!")/);
    expect((findField(next, "receipt") as { conditions: { require: { source: string } } }).conditions.require.source).toBe("total_amount > 100");
    expect((findField(next, "total") as { expression: string }).expression).toBe("sum(items.price) + total_amount");
    expect(next.logic?.[0]).toMatchObject({ assert: { source: "total_amount < 10000" }, field: "total_amount" });
    expect(parseFormDefinition(next).ok).toBe(true);
  });

  it("rewrites a group column both as a row value and as a column path, and its uniqueness list", () => {
    const next = renamed(form, "price", "unit_price");
    expect((findField(next, "line") as { expression: string }).expression).toBe("unit_price * qty");
    expect((findField(next, "qty") as { conditions: { show: { source: string } } }).conditions.show.source).toBe("unit_price > 0");
    expect((findField(next, "total") as { expression: string }).expression).toBe("sum(items.unit_price) + amount");
    expect((findField(next, "items") as { validation: { uniqueWithinGroup: string[] } }).validation.uniqueWithinGroup).toEqual(["unit_price"]);
    expect(parseFormDefinition(next).ok).toBe(true);
  });

  it("rewrites the group's own key in column paths and leaves unparsable text alone", () => {
    const broken = replaceField(form, "amount", { ...form.fields[0], conditions: { show: { source: "items.price >" } } } as never);
    const next = renamed(broken, "items", "lines");
    expect((findField(next, "total") as { expression: string }).expression).toBe("sum(lines.price) + amount");
    expect((findField(next, "amount") as { conditions: { show: { source: string } } }).conditions.show.source).toBe("items.price >");
  });
});
