import { describe, expect, it } from "vitest";
import { ZField } from "./field-types";
import { candidateValues, sourcedFields, sourceKey } from "./option-sources";

const DATASET = { kind: "dataset" as const, datasetId: "00000000-0000-4000-8000-000000000001", sectionKey: "categories" };
const TABLE = { kind: "table" as const, tableId: "00000000-0000-4000-8000-000000000002", column: "name" };
const fields = [
  { key: "category", type: "dropdown", label: "Category", source: DATASET },
  { key: "colour", type: "dropdown", label: "Colour", options: [{ value: "red", label: "Red" }] },
  { key: "items", type: "repeating_group", label: "Items", fields: [{ key: "vendor", type: "multi_select", label: "Vendor", source: TABLE }, { key: "kind", type: "radio", label: "Kind", source: DATASET }] },
].map((field) => ZField.parse(field));

describe("option sources", () => {
  it("finds sourced fields, also inside repeating groups", () => {
    expect(sourcedFields(fields).map((field) => [field.group ?? "", field.key])).toEqual([["", "category"], ["items", "vendor"], ["items", "kind"]]);
  });

  it("collects the values a submission picked, per source", () => {
    const picked = candidateValues(fields, { category: "travel", colour: "red", items: [{ vendor: ["Acme", "Globex"], kind: "meals" }, { vendor: ["Acme"] }, "junk"] });
    expect(picked.get(sourceKey(DATASET))?.candidates).toEqual(["travel", "meals"]);
    expect(picked.get(sourceKey(TABLE))?.candidates).toEqual(["Acme", "Globex", "Acme"]);
    expect(candidateValues(fields, null).size).toBe(0);
  });
});
