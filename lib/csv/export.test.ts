import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { neutraliseCell, toCsv } from "@/lib/csv/export";

describe("CSV export", () => {
  it("neutralises formula injection", () => {
    expect(neutraliseCell("=CMD(\"calc\")")).toBe("'=CMD(\"calc\")");
    expect(neutraliseCell("+1")).toBe("'+1");
    expect(neutraliseCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(neutraliseCell("plain")).toBe("plain");
    expect(neutraliseCell(null)).toBe("");
  });

  it("quotes commas, quotes and newlines so the file parses back", () => {
    const csv = toCsv([{ a: 'say "hi", ok', b: "line\nbreak" }], [
      { key: "a", header: "A" },
      { key: "b", header: "B" },
    ]);
    expect(Papa.parse(csv).data).toEqual([["A", "B"], ['say "hi", ok', "line\nbreak"]]);
  });
});
