// Field keys for the builder. A key is derived once, from the label a new field is given, and is
// then stable: submissions, rules and flows refer to fields by key, so renaming a label must not
// break them. Keys follow FIELD_KEY (lower-case snake_case) and avoid RESERVED_KEYS.
import { FIELD_KEY, RESERVED_KEYS } from "@/lib/forms/field-types";
import { deriveStableKey, slugOfLabel as slugOfText } from "@/lib/stable-keys";

type KeyedShape = { key: string; fields?: readonly { key: string }[] };

/** Every key in use in a definition: top-level fields and the sub-fields of repeating groups. */
export function keysOf(fields: readonly KeyedShape[]): Set<string> {
  const keys = new Set<string>();
  for (const field of fields) {
    keys.add(field.key);
    for (const sub of field.fields ?? []) keys.add(sub.key);
  }
  return keys;
}

const OPTIONS = { pattern: FIELD_KEY, maxLength: 50, fallback: "field" };

/** "Unit price (€)" → "unit_price" (lib/stable-keys.ts). */
export function slugOfLabel(label: string): string {
  return slugOfText(label, OPTIONS);
}

/** A valid field key for `label` not in `taken` (the slug, or "amount_2" when taken or reserved). */
export function deriveKey(label: string, taken: ReadonlySet<string>): string {
  return deriveStableKey(label, taken, OPTIONS);
}

/** Why `key` cannot be given to a field (null when it can); `own` is the field's current key. */
export function keyProblem(key: string, taken: ReadonlySet<string>, own: string): string | null {
  if (!FIELD_KEY.test(key)) return "A key starts with a lower-case letter and has only a–z, 0–9 and _ (at most 63 characters)";
  if (RESERVED_KEYS.has(key)) return "This key is reserved; choose another";
  if (key !== own && taken.has(key)) return "Another field already uses this key";
  return null;
}
