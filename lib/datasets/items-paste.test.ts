import { describe, expect, it } from "vitest";
import { duplicateValues, parseItemsPaste } from "./items-paste";

describe("parseItemsPaste", () => {
  it("reads value|label lines and derives values from bare labels", () => {
    const result = parseItemsPaste("travel|Travel\n\nOffice Supplies\nmeals| Meals & drinks ");
    expect(result.items).toEqual([
      { value: "travel", label: "Travel" },
      { value: "office_supplies", label: "Office Supplies" },
      { value: "meals", label: "Meals & drinks" },
    ]);
    expect(result.problems).toEqual([]);
  });
  it("uses the value as label when the label is empty", () => {
    expect(parseItemsPaste("x1|").items).toEqual([{ value: "x1", label: "x1" }]);
  });
  it("reports empty values, over-long lines and duplicates (also against existing items)", () => {
    const result = parseItemsPaste(`|Nothing\n${"v".repeat(201)}|Long\ntravel|Travel again\nfood|Food\nfood|Food 2`, ["travel"]);
    expect(result.items).toEqual([{ value: "food", label: "Food" }]);
    expect(result.problems).toEqual([
      'Line 1: an item needs a value before "|"',
      "Line 2: at most 200 characters",
      'Line 3: the value "travel" is already listed',
      'Line 5: the value "food" is already listed',
    ]);
  });
});

describe("duplicateValues", () => {
  it("names the values listed more than once (trimmed)", () => {
    expect(duplicateValues([{ value: "a" }, { value: "b" }, { value: " a" }, { value: "c" }])).toEqual(new Set(["a"]));
  });
});
