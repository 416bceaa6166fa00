import { describe, expect, it } from "vitest";
import { ZTableSchema, type TColumnInput } from "./columns";
import { changedColumns, checkRecordValues, compileTable } from "./record-values";
import { checkTableSchema, parseTableSchema } from "./schema-checks";

const CUSTOMERS = "00000000-0000-4000-8000-000000000001";

function table(columns: TColumnInput[]) {
  return compileTable(ZTableSchema.parse({ columns }));
}

const orders = table([
  { key: "title", label: "Title", type: "text", required: true, maxLength: 20 },
  { key: "quantity", label: "Quantity", type: "number", min: 1 },
  { key: "unit_price", label: "Unit price", type: "currency", currency: "EUR" },
  { key: "total", label: "Total", type: "formula", source: "quantity * unit_price" },
  { key: "status", label: "Status", type: "single_select", options: [{ value: "open" }, { value: "done" }], default: "open" },
  { key: "tags", label: "Tags", type: "multi_select", options: [{ value: "a" }, { value: "b" }] },
  { key: "due", label: "Due", type: "date" },
  { key: "sent_at", label: "Sent at", type: "datetime" },
  { key: "paid", label: "Paid", type: "boolean" },
  { key: "customer", label: "Customer", type: "relation", tableId: CUSTOMERS, cardinality: "one" },
  { key: "number", label: "Number", type: "auto_number" },
]);

describe("checkRecordValues on create", () => {
  it("stores checked values, fills defaults and computes formulas", () => {
    const result = checkRecordValues(orders, { title: " Pens ", quantity: "3", unit_price: 2.5, tags: ["a", "a"], sent_at: "2026-01-31T10:00:00+01:00", customer: CUSTOMERS }, { kind: "create" });
    expect(result).toEqual({
      ok: true,
      data: { title: "Pens", quantity: 3, unit_price: 2.5, total: 7.5, status: "open", tags: ["a"], sent_at: "2026-01-31T09:00:00.000Z" },
      links: { customer: [CUSTOMERS] },
    });
  });

  it("names every bad column, including unknown and system-written ones", () => {
    const result = checkRecordValues(orders, { quantity: 0, status: "lost", due: "31/01/2026", extra: 1, total: 5, number: 7, customer: ["x"] }, { kind: "create" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(["customer", "due", "extra", "number", "quantity", "status", "title", "total"]);
    expect(result.errors.title).toEqual(["Title is required"]);
    expect(result.errors.quantity).toEqual(["Quantity must be at least 1"]);
    expect(result.errors.extra).toEqual(['There is no column "extra"']);
    expect(result.errors.total).toEqual(["Total is filled in automatically"]);
  });

  it("refuses non-objects and a second record on a to-one relation", () => {
    expect(checkRecordValues(orders, [1], { kind: "create" })).toEqual({ ok: false, errors: { "": ["A record must be an object of column values"] } });
    const two = checkRecordValues(orders, { title: "x", customer: [CUSTOMERS, "00000000-0000-4000-8000-000000000002"] }, { kind: "create" });
    expect(two.ok === false && two.errors.customer).toEqual(["Customer links to at most one record"]);
  });
});

describe("checkRecordValues on update", () => {
  const current = { title: "Pens", quantity: 3, unit_price: 2.5, total: 7.5, status: "open" };

  it("changes only the columns sent and recomputes formulas", () => {
    const result = checkRecordValues(orders, { quantity: 4 }, { kind: "update", current });
    expect(result).toEqual({ ok: true, data: { ...current, quantity: 4, total: 10 }, links: {} });
  });

  it("clears a column sent empty, but not a required one", () => {
    expect(checkRecordValues(orders, { unit_price: null }, { kind: "update", current })).toEqual({ ok: true, data: { title: "Pens", quantity: 3, status: "open" }, links: {} });
    const cleared = checkRecordValues(orders, { title: "" }, { kind: "update", current });
    expect(cleared.ok === false && cleared.errors.title).toEqual(["Title is required"]);
  });
});

describe("table schema checks", () => {
  const related = new Map([[CUSTOMERS, ["name"]]]);

  it("accepts a valid schema with defaults applied", () => {
    const parsed = parseTableSchema({ columns: [{ key: "name", label: "Name", type: "text" }, { key: "customer", label: "Customer", type: "relation", tableId: CUSTOMERS, displayColumn: "name" }] }, related);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.schema.columns[1]).toMatchObject({ cardinality: "one", required: false, indexed: true, hidden: false });
  });

  it("reports duplicate keys, bad formulas, ranges, options and relation targets by path", () => {
    const schema = ZTableSchema.parse({
      columns: [
        { key: "amount", label: "Amount", type: "number", min: 10, max: 1 },
        { key: "amount", label: "Again", type: "text" },
        { key: "bad", label: "Bad", type: "formula", source: "amount + missing" },
        { key: "text_sum", label: "Text sum", type: "formula", source: "amount > 1 and \"x\"" },
        { key: "state", label: "State", type: "single_select", options: [{ value: "a" }, { value: "a" }], default: "z" },
        { key: "other", label: "Other", type: "relation", tableId: "00000000-0000-4000-8000-000000000009" },
        { key: "linked", label: "Linked", type: "relation", tableId: CUSTOMERS, displayColumn: "nope" },
      ],
    });
    const errors = checkTableSchema(schema, related);
    expect(Object.keys(errors).sort()).toEqual(["columns.0.max", "columns.1.key", "columns.2.source", "columns.3.source", "columns.4.default", "columns.4.options", "columns.5.tableId", "columns.6.displayColumn"]);
    expect(errors["columns.2.source"]![0]).toMatch(/missing/);
  });

  it("refuses reserved and malformed keys through the zod schema", () => {
    const parsed = parseTableSchema({ columns: [{ key: "Id", label: "x", type: "text" }, { key: "constructor", label: "y", type: "text" }] }, related);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(Object.keys(parsed.errors).sort()).toEqual(["columns.0.key", "columns.1.key"]);
  });
});

describe("changedColumns", () => {
  it("lists added, removed and changed keys by value", () => {
    expect(changedColumns({ a: 1, b: [1], c: "x" }, { a: 1, b: [2], d: true }).sort()).toEqual(["b", "c", "d"]);
  });
});
