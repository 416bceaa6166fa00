import { describe, expect, it } from "vitest";
import { parseFormDefinition, type TFormDefinition } from "@/lib/forms/definition";
import type { TFieldType } from "@/lib/forms/field-types";
import { keysOf } from "./keys";
import { deleteField, duplicateField, findField, insertField, locateField, moveField, nudgeField, relabelField, replaceField } from "./operations";
import { createField, createSubField, PALETTE } from "./palette";
import { problemsOf } from "./problems";

const empty = (): TFormDefinition => ({ schemaVersion: 1, fields: [], logic: [] });
const keys = (definition: TFormDefinition) => definition.fields.map((field) => field.key);

function build(...types: TFieldType[]): TFormDefinition {
  let definition = empty();
  for (const type of types) definition = insertField(definition, createField(type, keysOf(definition.fields)), { index: Infinity });
  return definition;
}

describe("createField", () => {
  it("makes a valid draft field for every palette type, with unique keys", () => {
    const types = PALETTE.flatMap((group) => group.items.map((item) => item.type));
    expect(new Set(types).size).toBe(24);
    const definition = build(...types, ...types);
    const parsed = parseFormDefinition(definition);
    expect(parsed.ok ? [] : parsed.issues).toEqual([]);
    expect(keysOf(definition.fields).size).toBe(definition.fields.length + 2); // + the two groups' "item" sub-fields
  });
  it("derives the key from the palette label", () => {
    expect(createField("currency", new Set()).key).toBe("currency");
    expect(createField("currency", new Set(["currency"])).key).toBe("currency_2");
    expect(createSubField("number", new Set()).type).toBe("number");
  });
});

describe("insert, move, delete", () => {
  it("inserts at a position, clamped", () => {
    let definition = build("text", "number");
    definition = insertField(definition, createField("email", keysOf(definition.fields)), { index: 1 });
    definition = insertField(definition, createField("date", keysOf(definition.fields)), { index: -5 });
    expect(keys(definition)).toEqual(["date", "short_text", "email", "number"]);
  });
  it("moves within the container and clamps", () => {
    const definition = build("text", "number", "email");
    expect(keys(moveField(definition, "short_text", 2))).toEqual(["number", "email", "short_text"]);
    expect(keys(moveField(definition, "email", 0))).toEqual(["email", "short_text", "number"]);
    expect(keys(moveField(definition, "email", 99))).toEqual(["short_text", "number", "email"]);
    expect(keys(nudgeField(definition, "number", -1))).toEqual(["number", "short_text", "email"]);
    expect(keys(nudgeField(definition, "short_text", -1))).toEqual(["short_text", "number", "email"]);
  });
  it("works inside repeating groups and refuses to nest groups or sections", () => {
    let definition = build("repeating_group");
    definition = insertField(definition, createSubField("number", keysOf(definition.fields)), { container: "repeating_group", index: 9 });
    expect(locateField(definition, "number")).toEqual({ container: "repeating_group", index: 1 });
    definition = moveField(definition, "number", 0);
    expect(locateField(definition, "number")).toEqual({ container: "repeating_group", index: 0 });
    expect(insertField(definition, createField("section", new Set(["x"])), { container: "repeating_group", index: 0 })).toBe(definition);
    definition = deleteField(definition, "item");
    expect(findField(definition, "item")).toBeNull();
    expect(findField(definition, "number")?.type).toBe("number");
  });
  it("leaves the definition alone for unknown keys", () => {
    const definition = build("text");
    expect(moveField(definition, "nope", 0)).toBe(definition);
    expect(deleteField(definition, "nope")).toBe(definition);
    expect(replaceField(definition, "nope", createField("text", new Set()))).toBe(definition);
  });
});

describe("duplicateField", () => {
  it("copies right after the original with a new label and key", () => {
    const definition = build("text", "number");
    const { definition: next, key } = duplicateField(definition, "short_text");
    expect(key).toBe("short_text_copy");
    expect(keys(next)).toEqual(["short_text", "short_text_copy", "number"]);
    expect(findField(next, "short_text_copy")?.label).toBe("Short text (copy)");
  });
  it("gives a group's sub-fields fresh keys and keeps unique-within-group pointing at them", () => {
    let definition = build("repeating_group");
    const group = findField(definition, "repeating_group")!;
    definition = replaceField(definition, "repeating_group", { ...group, validation: { uniqueWithinGroup: ["item"] } } as never);
    const { definition: next, key } = duplicateField(definition, "repeating_group");
    const copy = findField(next, key!);
    expect(copy?.type === "repeating_group" && copy.fields.map((sub) => sub.key)).toEqual(["item_2"]);
    expect(copy?.type === "repeating_group" && copy.validation?.uniqueWithinGroup).toEqual(["item_2"]);
    expect(parseFormDefinition(next).ok).toBe(true);
  });
});

describe("relabelField", () => {
  it("keeps the key stable unless the field is still being named", () => {
    const definition = build("currency", "number");
    const stable = relabelField(definition, "currency", "Amount", { followKey: false });
    expect(stable.key).toBe("currency");
    expect(findField(stable.definition, "currency")?.label).toBe("Amount");
    const following = relabelField(definition, "currency", "Number", { followKey: true });
    expect(following.key).toBe("number_2");
    expect(findField(following.definition, "number_2")?.label).toBe("Number");
  });
  it("keeps the key when the label is cleared", () => {
    expect(relabelField(build("text"), "short_text", " ", { followKey: true }).key).toBe("short_text");
  });
});

describe("problemsOf", () => {
  it("resolves definition paths to field keys and properties", () => {
    const definition = build("text", "repeating_group");
    expect(problemsOf({ "fields.0.conditions.require": ["bad"], "fields.1.fields.0.key": ["dup"], fields: ["none"] }, definition)).toEqual([
      { path: "fields.0.conditions.require", message: "bad", fieldKey: "short_text", property: "conditions.require" },
      { path: "fields.1.fields.0.key", message: "dup", fieldKey: "item", property: "key" },
      { path: "fields", message: "none", fieldKey: null, property: "fields" },
    ]);
  });
});
