import { describe, expect, it } from "vitest";
import { ZColumn } from "./columns";
import { describeChange, newColumn, retypeColumn, withSetting } from "./column-drafts";

const TABLE_ID = "7b0a2f4e-2b1c-4d3e-8f9a-0b1c2d3e4f5a";

describe("newColumn", () => {
  it("gives every type the settings its schema needs, so only user input can be missing", () => {
    for (const type of ["text", "number", "decimal", "currency", "boolean", "date", "datetime", "email", "url", "phone", "long_text", "user", "department", "file", "auto_number"] as const) {
      expect(ZColumn.safeParse(newColumn({ key: "c", label: "C", type })).success, type).toBe(true);
    }
    expect(ZColumn.safeParse(newColumn({ key: "c", label: "C", type: "relation", defaultTableId: TABLE_ID })).success).toBe(true);
    // Options and a formula are the designer's to give: the schema names what is missing.
    expect(ZColumn.safeParse(newColumn({ key: "c", label: "C", type: "single_select" })).error?.issues[0]?.path).toEqual(["options"]);
    expect(ZColumn.safeParse(newColumn({ key: "c", label: "C", type: "formula" })).error?.issues[0]?.path).toEqual(["source"]);
  });
});

describe("retypeColumn", () => {
  it("keeps key, label and flags, drops settings the new type lacks", () => {
    const text = { key: "price", label: "Price", type: "text" as const, required: true, unique: true, hidden: true, indexed: false, maxLength: 20, pattern: "\\d+" };
    const number = retypeColumn(text, "number");
    expect(number).toEqual({ key: "price", label: "Price", type: "number", required: true, unique: true, hidden: true, indexed: false });
    expect(ZColumn.safeParse(number).success).toBe(true);
  });
  it("drops required and unique where the new type forbids them", () => {
    const retyped = retypeColumn({ key: "done", label: "Done", type: "text", required: true, unique: true }, "boolean");
    expect(retyped.required).toBeUndefined();
    expect(retyped.unique).toBeUndefined();
    expect(ZColumn.safeParse(retyped).success).toBe(true);
  });
  it("keeps options between single and multi select", () => {
    const options = [{ value: "a", color: "red" }];
    expect(retypeColumn({ key: "t", label: "T", type: "single_select", options }, "multi_select").options).toBe(options);
  });
});

describe("withSetting", () => {
  it("removes a setting for an empty input or NaN and sets it otherwise", () => {
    const column = { key: "n", label: "N", type: "number" as const, min: 1 };
    expect(withSetting(column, "min", "")).not.toHaveProperty("min");
    expect(withSetting(column, "min", Number.NaN)).not.toHaveProperty("min");
    expect(withSetting(column, "max", 0)).toMatchObject({ min: 1, max: 0 });
  });
});

describe("describeChange", () => {
  it("says how many records convert and shows a failing example", () => {
    const text = describeChange(
      { kind: "retyped", key: "price", label: "Price", from: "text", to: "number" },
      { key: "price", label: "Price", convertible: 1180, failing: 20, samples: [{ recordId: "3f2a9c1b-0000-0000-0000-000000000000", value: "abc", message: "Price must be a number" }] },
      1200,
    );
    expect(text).toBe("Changing Price from Text to Number: 1,180 records convert, 20 cannot (e.g. row 3f2a9c1b: 'abc' — Price must be a number).");
  });
  it("warns that removing a column deletes its values, only when rows exist", () => {
    expect(describeChange({ kind: "removed", key: "x", label: "Notes" }, undefined, 1)).toBe("Removing Notes deletes its values in 1 record.");
    expect(describeChange({ kind: "removed", key: "x", label: "Notes" }, undefined, 0)).toBeNull();
    expect(describeChange({ kind: "added", key: "x" }, undefined, 5)).toBeNull();
  });
});
