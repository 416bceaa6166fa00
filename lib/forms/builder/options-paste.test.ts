import { describe, expect, it } from "vitest";
import { optionsToText, parseOptionsPaste } from "./options-paste";

describe("parseOptionsPaste", () => {
  it("reads one option per line, with an optional value|label", () => {
    expect(parseOptionsPaste("travel|Travel\nOffice Supplies\n\n  Equipment  \r\nmeals|").options).toEqual([
      { value: "travel", label: "Travel" },
      { value: "office_supplies", label: "Office Supplies" },
      { value: "equipment", label: "Equipment" },
      { value: "meals", label: "meals" },
    ]);
  });
  it("reports and drops repeated values and empty values", () => {
    const pasted = parseOptionsPaste("Travel\ntravel|Trips\n|Nothing");
    expect(pasted.options).toEqual([{ value: "travel", label: "Travel" }]);
    expect(pasted.problems).toEqual(['Line 2: the value "travel" is already listed', 'Line 3: an option needs a value before "|"']);
  });
  it("round-trips through optionsToText", () => {
    const options = [{ value: "a", label: "Alpha" }, { value: "b", label: "Beta" }];
    expect(parseOptionsPaste(optionsToText(options)).options).toEqual(options);
  });
});
