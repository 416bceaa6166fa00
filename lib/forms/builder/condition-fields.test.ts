import { describe, expect, it } from "vitest";
import { t } from "@/lib/expressions/types";
import type { TFormDefinition } from "@/lib/forms/definition";
import { conditionFieldsFor } from "./condition-fields";

const form: TFormDefinition = {
  schemaVersion: 1,
  fields: [
    { key: "intro", type: "section", label: "Intro" },
    { key: "amount", type: "currency", label: "Amount", currency: "USD" },
    { key: "category", type: "dropdown", label: "Category", options: [{ value: "travel", label: "Travel" }] },
    { key: "items", type: "repeating_group", label: "Items", fields: [{ key: "price", type: "number", label: "Price" }, { key: "tags", type: "multi_select", label: "Tags", options: [] }] },
  ],
};

describe("conditionFieldsFor", () => {
  it("lists the other value fields, typed, with group columns as lists", () => {
    expect(conditionFieldsFor(form, "amount")).toEqual([
      { key: "category", label: "Category", type: t.options([{ value: "travel", label: "Travel" }]) },
      { key: "items.price", label: "Items › Price", type: t.list(t.number) },
      { key: "items.tags", label: "Items › Tags", type: t.list(t.options([])) },
    ]);
  });
  it("gives a group column its row siblings as plain values and not its own group's columns", () => {
    expect(conditionFieldsFor(form, "price").map((field) => [field.key, field.type.kind])).toEqual([
      ["tags", "list"],
      ["amount", "number"],
      ["category", "options"],
    ]);
  });
});
