// Edits the builder makes to a draft definition, as pure functions returning a new definition.
// Fields are addressed by key (unique across the form, sub-fields included) and live either at the
// top level or inside one repeating group: `container` is null for the top level or the group's key.
// Moves stay inside their container, so a field never silently changes what its rows mean.
import type { TFormDefinition } from "@/lib/forms/definition";
import type { TField, TSubField } from "@/lib/forms/field-types";
import { deriveKey, keysOf } from "./keys";

type AnyField = TField | TSubField;
export type TContainer = string | null;
export type TFieldLocation = { container: TContainer; index: number };

/** Where the field with `key` is, or null. */
export function locateField(definition: TFormDefinition, key: string): TFieldLocation | null {
  for (const [index, field] of definition.fields.entries()) {
    if (field.key === key) return { container: null, index };
    if (field.type === "repeating_group") {
      const subIndex = field.fields.findIndex((sub) => sub.key === key);
      if (subIndex >= 0) return { container: field.key, index: subIndex };
    }
  }
  return null;
}

/** The field with `key` (top level or in a group), or null. */
export function findField(definition: TFormDefinition, key: string): AnyField | null {
  const at = locateField(definition, key);
  if (!at) return null;
  return at.container === null ? definition.fields[at.index] : (containerFields(definition, at.container)[at.index] ?? null);
}

function containerFields(definition: TFormDefinition, container: TContainer): AnyField[] {
  if (container === null) return definition.fields;
  const group = definition.fields.find((field) => field.key === container);
  return group?.type === "repeating_group" ? group.fields : [];
}

function withContainer(definition: TFormDefinition, container: TContainer, change: (fields: AnyField[]) => AnyField[]): TFormDefinition {
  if (container === null) return { ...definition, fields: change(definition.fields) as TField[] };
  return {
    ...definition,
    fields: definition.fields.map((field) => (field.key === container && field.type === "repeating_group" ? { ...field, fields: change(field.fields) as TSubField[] } : field)),
  };
}

const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), high);

/** Inserts `field` at `index` of `container` (clamped; past the end appends). Groups cannot nest. */
export function insertField(definition: TFormDefinition, field: AnyField, at: { container?: TContainer; index: number }): TFormDefinition {
  const container = at.container ?? null;
  if (container !== null && (field.type === "repeating_group" || field.type === "section")) return definition;
  return withContainer(definition, container, (fields) => {
    const index = clamp(at.index, 0, fields.length);
    return [...fields.slice(0, index), field, ...fields.slice(index)];
  });
}

/** Moves the field with `key` to position `to` within its own container. */
export function moveField(definition: TFormDefinition, key: string, to: number): TFormDefinition {
  const at = locateField(definition, key);
  if (!at) return definition;
  return withContainer(definition, at.container, (fields) => {
    const target = clamp(to, 0, fields.length - 1);
    if (target === at.index) return fields;
    const next = [...fields];
    const [moved] = next.splice(at.index, 1);
    next.splice(target, 0, moved);
    return next;
  });
}

/** Moves a field one place up (-1) or down (+1) within its container. */
export function nudgeField(definition: TFormDefinition, key: string, by: -1 | 1): TFormDefinition {
  const at = locateField(definition, key);
  return at ? moveField(definition, key, at.index + by) : definition;
}

/** Removes the field with `key` (a group goes with its sub-fields). */
export function deleteField(definition: TFormDefinition, key: string): TFormDefinition {
  const at = locateField(definition, key);
  if (!at) return definition;
  return withContainer(definition, at.container, (fields) => fields.filter((_, index) => index !== at.index));
}

/** Replaces the field with `key` by `next` (its key may change; the caller checks it is free). */
export function replaceField(definition: TFormDefinition, key: string, next: AnyField): TFormDefinition {
  const at = locateField(definition, key);
  if (!at) return definition;
  return withContainer(definition, at.container, (fields) => fields.map((field, index) => (index === at.index ? next : field)));
}

/**
 * Copies the field with `key` right after it: label "… (copy)", a fresh key (and fresh keys for a
 * group's sub-fields, with the group's unique-within-group list following them). Returns the new
 * definition and the copy's key.
 */
export function duplicateField(definition: TFormDefinition, key: string): { definition: TFormDefinition; key: string | null } {
  const at = locateField(definition, key);
  const original = findField(definition, key);
  if (!at || !original) return { definition, key: null };
  const taken = keysOf(definition.fields);
  const label = original.label ? `${original.label} (copy)` : "";
  const copyKey = deriveKey(label || original.key, taken);
  taken.add(copyKey);
  let copy: AnyField = { ...structuredClone(original), key: copyKey, label };
  if (copy.type === "repeating_group") {
    const renamed = new Map<string, string>();
    const fields = copy.fields.map((sub) => {
      const subKey = deriveKey(sub.key, taken);
      taken.add(subKey);
      renamed.set(sub.key, subKey);
      return { ...sub, key: subKey };
    });
    const unique = copy.validation?.uniqueWithinGroup?.map((old) => renamed.get(old) ?? old);
    copy = { ...copy, fields, ...(copy.validation && { validation: { ...copy.validation, ...(unique && { uniqueWithinGroup: unique }) } }) };
  }
  return { definition: insertField(definition, copy, { container: at.container, index: at.index + 1 }), key: copyKey };
}

/**
 * Renames a field's label. The key follows the label only while `followKey` (a field still being
 * named right after it was created); otherwise the key is stable. Returns the field's (new) key.
 */
export function relabelField(definition: TFormDefinition, key: string, label: string, options: { followKey: boolean }): { definition: TFormDefinition; key: string } {
  const field = findField(definition, key);
  if (!field) return { definition, key };
  let nextKey = key;
  if (options.followKey && label.trim() !== "") {
    const taken = keysOf(definition.fields);
    taken.delete(key);
    nextKey = deriveKey(label, taken);
  }
  return { definition: replaceField(definition, key, { ...field, key: nextKey, label } as AnyField), key: nextKey };
}
