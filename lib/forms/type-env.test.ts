import { describe, expect, it } from "vitest";
import { checkCondition, checkExpression, compileExpression } from "@/lib/expressions/api";
import { t } from "@/lib/expressions/types";
import { ZFormDefinition } from "./definition";
import { EXPENSE_FORM } from "./fixtures";
import { rowTypeEnv, typeEnvOf, typeEnvOfFields, typeOfField } from "./type-env";

const definition = ZFormDefinition.parse({
  schemaVersion: 1,
  fields: [
    { key: "title", type: "text", label: "Title" },
    { key: "notes", type: "rich_text", label: "Notes" },
    { key: "qty", type: "number", label: "Qty" },
    { key: "price", type: "currency", label: "Price", currency: "EUR" },
    { key: "stars", type: "rating", label: "Stars", max: 5 },
    { key: "urgent", type: "yes_no", label: "Urgent" },
    { key: "due", type: "date", label: "Due" },
    { key: "at", type: "datetime", label: "At" },
    { key: "slot", type: "time", label: "Slot" },
    { key: "kind", type: "dropdown", label: "Kind", options: [{ value: "a", label: "A" }, { value: "b", label: "B" }] },
    { key: "tags", type: "checkbox_group", label: "Tags", options: [{ value: "x", label: "X" }] },
    { key: "vendor", type: "dropdown", label: "Vendor", source: { kind: "table", tableId: "8a0e7a52-8a43-4c52-9df5-7a1c0e0d3b11", column: "name" } },
    { key: "docs", type: "file", label: "Docs", multiple: true },
    { key: "owner", type: "user", label: "Owner" },
    { key: "dept", type: "department", label: "Dept" },
    { key: "intro", type: "section", label: "Intro" },
    { key: "total", type: "calculated", label: "Total", expression: "qty * price", resultType: "number" },
    {
      key: "items",
      type: "repeating_group",
      label: "Items",
      fields: [
        { key: "amount", type: "number", label: "Amount" },
        { key: "labels", type: "multi_select", label: "Labels", options: [{ value: "l1", label: "L1" }] },
        { key: "line", type: "calculated", label: "Line", expression: "amount * 2", resultType: "number" },
      ],
    },
  ],
});

describe("typeEnvOf", () => {
  const env = typeEnvOf(definition);

  it("maps every field type to its expression type", () => {
    expect(env.title).toEqual(t.string);
    expect(env.notes).toEqual(t.string);
    expect(env.qty).toEqual(t.number);
    expect(env.price).toEqual(t.number);
    expect(env.stars).toEqual(t.number);
    expect(env.urgent).toEqual(t.boolean);
    expect(env.due).toEqual(t.date);
    expect(env.at).toEqual(t.datetime);
    expect(env.slot).toEqual(t.string);
    expect(env.kind).toEqual(t.options([{ value: "a", label: "A" }, { value: "b", label: "B" }]));
    expect(env.tags).toEqual(t.list(t.options([{ value: "x", label: "X" }])));
    expect(env.vendor).toEqual(t.string);
    expect(env.docs).toEqual(t.list(t.string));
    expect(env.owner).toEqual(t.string);
    expect(env.dept).toEqual(t.string);
    expect(env.total).toEqual(t.number);
  });

  it("leaves out display-only fields and gives groups one list column per sub-field", () => {
    expect(env).not.toHaveProperty("intro");
    expect(env).not.toHaveProperty("items");
    expect(env["items.amount"]).toEqual(t.list(t.number));
    expect(env["items.labels"]).toEqual(t.list(t.options([{ value: "l1", label: "L1" }])));
    expect(env["items.line"]).toEqual(t.list(t.number));
  });

  it("type-checks the expressions forms need", () => {
    expect(checkExpression("sum(items.amount) + total", env, { expected: t.number }).ok).toBe(true);
    expect(checkCondition('items.labels contains "l1" and kind == "a"', env).ok).toBe(true);
    expect(checkCondition('due > date("2026-01-01") and urgent', env).ok).toBe(true);
    expect(checkCondition('vendor == "Any Vendor Inc"', env).ok).toBe(true);
    expect(checkCondition('kind == "c"', env)).toMatchObject({ ok: false });
    expect(checkCondition("due > 5", env)).toMatchObject({ ok: false, diagnostics: [{ message: "Cannot compare date with number" }] });
  });

  it("evaluates group columns over submitted rows", () => {
    const total = compileExpression("sum(items.amount)", env);
    expect(total.ok && total.evaluate({ items: [{ amount: 2 }, { amount: 3.5 }, {}] })).toBe(5.5);
  });

  it("gives the expense form its fields", () => {
    expect(typeEnvOf(ZFormDefinition.parse(EXPENSE_FORM))).toEqual({
      employee_name: t.string,
      amount: t.number,
      category: t.options([{ value: "travel", label: "Travel" }, { value: "office_supplies", label: "Office Supplies" }, { value: "equipment", label: "Equipment" }]),
      receipt: t.list(t.string),
    });
  });
});

describe("typeEnvOfFields", () => {
  it("prefixes every entry for flows", () => {
    const env = typeEnvOfFields(definition.fields, "expense");
    expect(env["expense.qty"]).toEqual(t.number);
    expect(env["expense.items.amount"]).toEqual(t.list(t.number));
    expect(env).not.toHaveProperty("qty");
    expect(checkCondition("expense.qty > 3 and sum(expense.items.amount) < 100", env).ok).toBe(true);
  });
});

describe("rowTypeEnv", () => {
  it("adds the row's own values to the form's", () => {
    const group = definition.fields.find((field) => field.key === "items")!;
    const env = rowTypeEnv(definition, group);
    expect(env.amount).toEqual(t.number);
    expect(env.qty).toEqual(t.number);
    expect(checkExpression("amount * qty", env, { expected: t.number }).ok).toBe(true);
  });
});

describe("typeOfField", () => {
  it("has no type for sections and groups and falls back to unknown for odd calculated types", () => {
    expect(typeOfField({ key: "s", type: "section" })).toBeNull();
    expect(typeOfField({ key: "g", type: "repeating_group", fields: [] })).toBeNull();
    expect(typeOfField({ key: "c", type: "calculated", resultType: "list" })).toEqual(t.unknown);
  });
});
