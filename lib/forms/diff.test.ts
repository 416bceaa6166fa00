import { describe, expect, it } from "vitest";
import { ZFormDefinition } from "./definition";
import { diffDefinitions, isEmptyDiff, propertyChanges } from "./diff";
import { EXPENSE_FORM, largeDefinition, SEED_EXPENSE_FORM } from "./fixtures";

const seed = ZFormDefinition.parse(SEED_EXPENSE_FORM);
const expense = ZFormDefinition.parse(EXPENSE_FORM);

describe("diffDefinitions", () => {
  it("is empty for a definition and itself", () => {
    expect(isEmptyDiff(diffDefinitions(expense, expense))).toBe(true);
    const large = ZFormDefinition.parse(largeDefinition());
    expect(isEmptyDiff(diffDefinitions(large, structuredClone(large)))).toBe(true);
  });

  it("names the properties that changed, by key", () => {
    const diff = diffDefinitions(seed, expense);
    expect(diff.changed).toEqual([
      {
        key: "receipt",
        label: "Receipt",
        type: "file",
        changes: [
          { property: "required", before: true, after: false },
          { property: "conditions.require", before: undefined, after: "amount > 100" },
        ],
      },
    ]);
    expect(diff).toMatchObject({ added: [], removed: [], reordered: false });
  });

  it("reports added, removed, reordered fields, nested property paths and group sub-fields", () => {
    const before = ZFormDefinition.parse({
      schemaVersion: 1,
      fields: [
        { key: "a", type: "number", label: "A", validation: { min: 0 }, conditions: { show: { source: "true" } } },
        { key: "b", type: "text", label: "B" },
        { key: "g", type: "repeating_group", label: "G", fields: [{ key: "x", type: "text", label: "X" }, { key: "y", type: "text", label: "Y" }] },
      ],
      logic: [{ id: "r1", assert: { source: "a > 0" }, message: "m" }, { id: "r2", assert: { source: "true" }, message: "m" }],
      settings: { submitLabel: "Send" },
    });
    const after = ZFormDefinition.parse({
      schemaVersion: 1,
      fields: [
        { key: "b", type: "text", label: "B (renamed)" },
        { key: "a", type: "number", label: "A", validation: { min: 10 }, conditions: { show: { source: "false" } } },
        { key: "c", type: "email", label: "C" },
        { key: "g", type: "repeating_group", label: "G", fields: [{ key: "x", type: "textarea", label: "X" }, { key: "z", type: "text", label: "Z" }] },
      ],
      logic: [{ id: "r1", assert: { source: "a > 1" }, message: "m" }, { id: "r3", assert: { source: "true" }, message: "m" }],
      settings: { submitLabel: "Submit" },
    });
    const diff = diffDefinitions(before, after);
    expect(diff.added).toEqual([{ key: "c", label: "C", type: "email" }, { key: "g.z", label: "Z", type: "text" }]);
    expect(diff.removed).toEqual([{ key: "g.y", label: "Y", type: "text" }]);
    expect(diff.changed).toEqual([
      { key: "b", label: "B (renamed)", type: "text", changes: [{ property: "label", before: "B", after: "B (renamed)" }] },
      {
        key: "a",
        label: "A",
        type: "number",
        changes: expect.arrayContaining([
          { property: "validation.min", before: 0, after: 10 },
          { property: "conditions.show", before: "true", after: "false" },
        ]),
      },
      { key: "g.x", label: "X", type: "textarea", changes: [{ property: "type", before: "text", after: "textarea" }] },
    ]);
    expect(diff.reordered).toBe(true);
    expect(diff.logic).toEqual({ added: ["r3"], removed: ["r2"], changed: ["r1"] });
    expect(diff.settings).toEqual([{ property: "submitLabel", before: "Send", after: "Submit" }]);
    expect(isEmptyDiff(diff)).toBe(false);
    const back = diffDefinitions(after, before);
    expect(back.added).toEqual(diff.removed);
    expect(back.removed).toEqual(diff.added);
  });
});

describe("propertyChanges", () => {
  it("walks nested objects, compares arrays whole and ignores undefined properties", () => {
    expect(propertyChanges({ a: { b: 1, c: [1, 2] }, d: undefined }, { a: { b: 2, c: [1, 2] } })).toEqual([{ property: "a.b", before: 1, after: 2 }]);
    expect(propertyChanges({ options: [{ value: "x" }] }, { options: [{ value: "y" }] })).toEqual([{ property: "options", before: [{ value: "x" }], after: [{ value: "y" }] }]);
  });
});
