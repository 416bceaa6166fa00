// A readable difference between two versions of a form, for the version history page. Fields are
// matched by key (keys are stable; labels may change), sub-fields of groups as "group.sub".
import type { TFormDefinition } from "./definition";
import type { TField, TSubField } from "./field-types";

export type TPropertyChange = { property: string; before: unknown; after: unknown };
export type TFieldSummary = { key: string; label: string; type: string };
export type TFieldChange = TFieldSummary & { changes: TPropertyChange[] };
export type TDefinitionDiff = {
  added: TFieldSummary[];
  removed: TFieldSummary[];
  /** Fields in both versions whose properties differ (`label`, `validation.min`, `conditions.show`, …). */
  changed: TFieldChange[];
  /** Whether fields present in both versions appear in a different order. */
  reordered: boolean;
  logic: { added: string[]; removed: string[]; changed: string[] };
  settings: TPropertyChange[];
};

type Json = unknown;
const isPlainObject = (value: Json): value is Record<string, Json> => typeof value === "object" && value !== null && !Array.isArray(value);

function isEqual(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => isEqual(item, b[index]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a).filter((key) => a[key] !== undefined);
    return keys.length === Object.keys(b).filter((key) => b[key] !== undefined).length && keys.every((key) => isEqual(a[key], b[key]));
  }
  return false;
}

// A condition `{ source }` reads best as its text, so it is a leaf; other objects are walked.
const isLeaf = (value: Json) => !isPlainObject(value) || (Object.keys(value).length === 1 && typeof value.source === "string");
const leafValue = (value: Json) => (isPlainObject(value) && typeof value.source === "string" && Object.keys(value).length === 1 ? value.source : value);

/** Property-level changes between two JSON objects, nested objects as dotted paths; arrays compare whole. */
export function propertyChanges(before: Json, after: Json, prefix = "", skip: ReadonlySet<string> = new Set()): TPropertyChange[] {
  const changes: TPropertyChange[] = [];
  const a = isPlainObject(before) ? before : {};
  const b = isPlainObject(after) ? after : {};
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  for (const key of keys) {
    if (skip.has(key)) continue;
    const [x, y] = [a[key], b[key]];
    if (isEqual(x, y)) continue;
    const property = prefix ? `${prefix}.${key}` : key;
    if ((isPlainObject(x) || isPlainObject(y)) && !(isLeaf(x) && isLeaf(y))) changes.push(...propertyChanges(x, y, property));
    else changes.push({ property, before: leafValue(x), after: leafValue(y) });
  }
  return changes;
}

type Entry = { key: string; field: TField | TSubField };

function entriesOf(definition: TFormDefinition): Entry[] {
  return definition.fields.flatMap((field) => [
    { key: field.key, field },
    ...(field.type === "repeating_group" ? field.fields.map((sub) => ({ key: `${field.key}.${sub.key}`, field: sub })) : []),
  ]);
}

const summary = ({ key, field }: Entry): TFieldSummary => ({ key, label: field.label, type: field.type });
const SKIP_IN_GROUPS: ReadonlySet<string> = new Set(["fields"]);

/** What changed from version `a` to version `b`; the diff of a definition with itself is empty. */
export function diffDefinitions(a: TFormDefinition, b: TFormDefinition): TDefinitionDiff {
  const before = entriesOf(a);
  const after = entriesOf(b);
  const beforeByKey = new Map(before.map((entry) => [entry.key, entry]));
  const afterByKey = new Map(after.map((entry) => [entry.key, entry]));
  const changed: TFieldChange[] = [];
  for (const entry of after) {
    const old = beforeByKey.get(entry.key);
    if (!old) continue;
    const changes = propertyChanges(old.field, entry.field, "", SKIP_IN_GROUPS);
    if (changes.length > 0) changed.push({ ...summary(entry), changes });
  }
  const common = (entries: Entry[], other: Map<string, Entry>) => entries.filter((entry) => other.has(entry.key)).map((entry) => entry.key);
  const rulesBefore = new Map((a.logic ?? []).map((rule) => [rule.id, rule]));
  const rulesAfter = new Map((b.logic ?? []).map((rule) => [rule.id, rule]));
  return {
    added: after.filter((entry) => !beforeByKey.has(entry.key)).map(summary),
    removed: before.filter((entry) => !afterByKey.has(entry.key)).map(summary),
    changed,
    reordered: !isEqual(common(before, afterByKey), common(after, beforeByKey)),
    logic: {
      added: [...rulesAfter.keys()].filter((id) => !rulesBefore.has(id)),
      removed: [...rulesBefore.keys()].filter((id) => !rulesAfter.has(id)),
      changed: [...rulesAfter.keys()].filter((id) => rulesBefore.has(id) && !isEqual(rulesBefore.get(id), rulesAfter.get(id))),
    },
    settings: propertyChanges(a.settings ?? {}, b.settings ?? {}),
  };
}

/** Whether a diff records no change at all. */
export function isEmptyDiff(diff: TDefinitionDiff): boolean {
  const { added, removed, changed, reordered, logic, settings } = diff;
  return added.length + removed.length + changed.length + settings.length + logic.added.length + logic.removed.length + logic.changed.length === 0 && !reordered;
}
