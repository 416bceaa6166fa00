import { describe, expect, it } from "vitest";
import { parseSelectOptionsPaste } from "./options-paste";

describe("parseSelectOptionsPaste", () => {
  it("takes one option per line, skipping blank lines, cycling colours", () => {
    const result = parseSelectOptionsPaste("Gold\n\r\nSilver\nBronze\n");
    expect(result.options.map((option) => option.value)).toEqual(["Gold", "Silver", "Bronze"]);
    expect(new Set(result.options.map((option) => option.color)).size).toBe(3);
    expect(result.problems).toEqual([]);
  });
  it("reads an explicit colour after the last bar and reports unknown ones", () => {
    const result = parseSelectOptionsPaste("Urgent|red\nA|B|green\nLater|mauve");
    expect(result.options).toEqual([
      { value: "Urgent", color: "red" },
      { value: "A|B", color: "green" },
      { value: "Later", color: expect.any(String) },
    ]);
    expect(result.problems).toEqual(['Line 3: unknown colour "mauve", kept the default']);
  });
  it("drops and reports values already present or repeated", () => {
    const result = parseSelectOptionsPaste("Gold\nNew\nNew", ["Gold"]);
    expect(result.options.map((option) => option.value)).toEqual(["New"]);
    expect(result.problems).toEqual(['Line 1: "Gold" is already an option', 'Line 3: "New" is already an option']);
  });
});
