import { describe, expect, it } from "vitest";
import { ZColumn, type TColumn } from "./columns";
import { editorValue, formatValue, isInlineEditable } from "./cell-format";

const column = (input: unknown) => ZColumn.parse(input) as TColumn;

describe("cell text", () => {
  it("formats numbers, money, booleans, dates, lists and names", () => {
    expect(formatValue(column({ key: "n", label: "N", type: "number" }), 1234.5)).toBe("1,234.5");
    expect(formatValue(column({ key: "d", label: "D", type: "decimal", scale: 3 }), 2)).toBe("2.000");
    expect(formatValue(column({ key: "c", label: "C", type: "currency", currency: "EUR" }), 12.5)).toBe("12.50 EUR");
    expect(formatValue(column({ key: "b", label: "B", type: "boolean" }), false)).toBe("No");
    expect(formatValue(column({ key: "t", label: "T", type: "datetime" }), "2026-11-28T09:30:00.000Z")).toBe("2026-11-28 09:30 UTC");
    expect(formatValue(column({ key: "m", label: "M", type: "multi_select", options: [{ value: "a" }, { value: "b" }] }), ["a", "b"])).toBe("a, b");
    expect(formatValue(column({ key: "a", label: "A", type: "auto_number", prefix: "O-" }), 7)).toBe("O-7");
    const names = { users: new Map([["u1", "Sarah Admin"]]), departments: new Map() };
    expect(formatValue(column({ key: "u", label: "U", type: "user" }), "u1", names)).toBe("Sarah Admin");
    expect(formatValue(column({ key: "x", label: "X", type: "text" }), null)).toBe("");
  });

  it("edits typed columns only, starting from the stored value", () => {
    expect(isInlineEditable(column({ key: "f", label: "F", type: "formula", source: "1" }))).toBe(false);
    expect(isInlineEditable(column({ key: "n", label: "N", type: "number" }))).toBe(true);
    expect(editorValue(column({ key: "n", label: "N", type: "number" }), 5)).toBe("5");
    expect(editorValue(column({ key: "n", label: "N", type: "number" }), undefined)).toBe("");
    expect(editorValue(column({ key: "m", label: "M", type: "multi_select", options: [{ value: "a" }] }), undefined)).toEqual([]);
  });
});
