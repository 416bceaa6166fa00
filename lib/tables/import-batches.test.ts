import { describe, expect, it } from "vitest";
import { flattenRowErrors, importBatches, rowErrorsCsv } from "./import-batches";

describe("import batches", () => {
  it("cuts rows into batches of at most 500 with their file row numbers", () => {
    const rows = Array.from({ length: 1_201 }, (_, index) => ({ n: index }));
    const batches = importBatches(rows);
    expect(batches.map((batch) => [batch.firstRow, batch.rows.length])).toEqual([[2, 500], [502, 500], [1002, 201]]);
    expect(batches[1]!.rows[0]).toEqual({ n: 500 });
  });

  it("starts a new batch before the byte budget is exceeded, never leaving a batch empty", () => {
    const rows = [{ t: "x".repeat(70) }, { t: "x".repeat(70) }, { t: "x".repeat(200) }];
    const batches = importBatches(rows, { maxBytes: 150 });
    expect(batches.map((batch) => [batch.firstRow, batch.rows.length])).toEqual([[2, 1], [3, 1], [4, 1]]);
    expect(importBatches([])).toEqual([]);
  });
});

describe("error list", () => {
  it("names columns by label and neutralises formula-like text in the CSV", () => {
    const errors = flattenRowErrors([{ row: 3, errors: { amount: ["Amount must be a number"], customer: ['No Customers is named "=CMD()"'] } }, { row: 9, errors: { "": ["Bad row"] } }], new Map([["amount", "Amount"], ["customer", "Customer"]]));
    expect(errors).toEqual([
      { row: 3, column: "Amount", message: "Amount must be a number" },
      { row: 3, column: "Customer", message: 'No Customers is named "=CMD()"' },
      { row: 9, column: "", message: "Bad row" },
    ]);
    expect(rowErrorsCsv([{ row: 2, column: "=A1", message: 'say "hi", ok' }])).toBe('Row,Column,Message\r\n2,\'=A1,"say ""hi"", ok"\r\n');
  });
});
