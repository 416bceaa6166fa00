import { describe, expect, it } from "vitest";
import { ZTableSchema } from "./columns";
import { autoMap, cellValue, decodeCsv, parseCsv, rowValues } from "./import-mapping";

const { columns } = ZTableSchema.parse({
  columns: [
    { key: "full_name", label: "Full name", type: "text" },
    { key: "active", label: "Active", type: "boolean" },
    { key: "tags", label: "Tags", type: "multi_select", options: [{ value: "a" }, { value: "b" }] },
    { key: "number", label: "Number", type: "auto_number" },
    { key: "team", label: "Team", type: "relation", tableId: "00000000-0000-4000-8000-000000000001", cardinality: "many" },
  ],
});

describe("decodeCsv", () => {
  it("reads UTF-8 with a BOM and falls back to Windows-1252 for other bytes", () => {
    expect(decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, 0x63, 0x61, 0x66, 0xc3, 0xa9]))).toEqual({ text: "café", encoding: "utf-8" });
    expect(decodeCsv(new Uint8Array([0x63, 0x61, 0x66, 0xe9]))).toEqual({ text: "café", encoding: "windows-1252" });
  });
});

describe("parseCsv", () => {
  it("keys rows by trimmed header and skips blank lines", () => {
    expect(parseCsv(" Full name ,Active\nAda,yes\n\n\"Lin, Bo\",no\n")).toEqual({ headers: ["Full name", "Active"], rows: [{ "Full name": "Ada", Active: "yes" }, { "Full name": "Lin, Bo", Active: "no" }], problems: [] });
  });

  it("reports a missing header and duplicate headers", () => {
    expect(parseCsv("").problems).toContain("The file has no header row");
    expect(parseCsv("a,a\n1,2").problems[0]).toMatch(/same header/);
  });
});

describe("autoMap and cell values", () => {
  it("matches headers by key or label, never to system-written columns, each column once", () => {
    expect(autoMap(["FULL NAME", "full_name", "Number", "tags", "Other"], columns)).toEqual({ "FULL NAME": "full_name", full_name: null, Number: null, tags: "tags", Other: null });
  });

  it("reads booleans, lists and relation texts", () => {
    const column = (key: string) => columns.find((candidate) => candidate.key === key)!;
    expect(cellValue(column("active"), " Yes ")).toBe(true);
    expect(cellValue(column("active"), "0")).toBe(false);
    expect(cellValue(column("active"), "maybe")).toBe("maybe");
    expect(cellValue(column("tags"), "a; b|")).toEqual(["a", "b"]);
    expect(cellValue(column("team"), "Red; Blue")).toEqual(["Red", "Blue"]);
    expect(cellValue(column("full_name"), "  ")).toBeNull();
    expect(rowValues({ "Full name": "Ada", Ignored: "x" }, { "Full name": "full_name", Ignored: null }, columns)).toEqual({ full_name: "Ada" });
  });
});
