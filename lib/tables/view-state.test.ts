import { describe, expect, it } from "vitest";
import type { TColumn } from "./columns";
import { ZColumn } from "./columns";
import { conditionText, DEFAULT_VIEW, gridSearchParams, listSearchParams, readGridState, type TGridState } from "./view-state";

const column = (input: unknown) => ZColumn.parse(input) as TColumn;
const amount = column({ key: "amount", label: "Amount", type: "number" });
const ordered = column({ key: "ordered", label: "Ordered", type: "date" });
const status = column({ key: "status", label: "Status", type: "single_select", options: [{ value: "open" }, { value: "paid" }] });
const customer = column({ key: "customer", label: "Customer", type: "relation", tableId: "8a3c3f4e-9f0b-4b5e-9a51-3f2d1c0b9a87" });

describe("grid state in the URL", () => {
  it("round-trips a full view through the query string", () => {
    const state: TGridState = {
      filter: { match: "any", conditions: [{ column: "amount", op: "between", value: 10, to: 100 }, { column: "status", op: "in", value: ["open", "paid"] }] },
      q: "acme",
      sort: "amount",
      direction: "asc",
      hidden: ["notes", "ordered"],
      trash: true,
    };
    const params = gridSearchParams(state);
    expect(readGridState(new URLSearchParams(params.toString()))).toEqual(state);
  });

  it("leaves defaults out, so the default view is the plain URL", () => {
    expect(gridSearchParams({ ...DEFAULT_VIEW, trash: false }).toString()).toBe("");
    expect(readGridState(new URLSearchParams(""))).toEqual({ ...DEFAULT_VIEW, trash: false });
  });

  it("falls back to the default for a broken filter but keeps the sort", () => {
    const state = readGridState(new URLSearchParams("filter=%7Bnot-json&sort=amount&direction=asc"));
    expect(state.filter.conditions).toEqual([]);
    expect(state.sort).toBe("amount");
    expect(readGridState(new URLSearchParams(`filter=${encodeURIComponent(JSON.stringify({ conditions: [{ column: "a", op: "explode" }] }))}&direction=asc`))).toMatchObject({ filter: { conditions: [] }, direction: "asc" });
  });

  it("gives the list API the same parameters plus the page, without the hidden columns", () => {
    const params = listSearchParams({ ...DEFAULT_VIEW, hidden: ["x"], sort: "amount", trash: false }, { cursor: "abc", limit: 50 });
    expect(Object.fromEntries(params)).toEqual({ sort: "amount", cursor: "abc", limit: "50" });
  });
});

describe("filter chip text", () => {
  it("reads as a sentence per column type", () => {
    expect(conditionText({ column: "amount", op: "between", value: 10, to: 100 }, amount)).toBe("Amount is between 10 and 100");
    expect(conditionText({ column: "amount", op: "gte", value: "5" }, amount)).toBe("Amount is at least 5");
    expect(conditionText({ column: "ordered", op: "gt", value: "2026-01-01" }, ordered)).toBe("Ordered is after 2026-01-01");
    expect(conditionText({ column: "status", op: "in", value: ["open", "paid"] }, status)).toBe("Status is any of open, paid");
    expect(conditionText({ column: "customer", op: "is", value: "8a3c3f4e-9f0b-4b5e-9a51-3f2d1c0b9a87", label: "Acme" }, customer)).toBe("Customer is Acme");
    expect(conditionText({ column: "status", op: "is_empty" }, status)).toBe("Status is empty");
    expect(conditionText({ column: "gone", op: "contains", value: "x" }, undefined)).toBe("gone contains x");
  });
});
