// Field keys for the builder. A key is derived once, from the label a new field is given, and is
// then stable: submissions, rules and flows refer to fields by key, so renaming a label must not
// break them. Keys follow FIELD_KEY (lower-case snake_case) and avoid RESERVED_KEYS.
import { FIELD_KEY, RESERVED_KEYS } from "@/lib/forms/field-types";

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

/** "Unit price (€)" → "unit_price": lower-case ASCII words joined by "_", starting with a letter. */
export function slugOfLabel(label: string): string {
  const words = label
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = words.join("_").replace(/^[0-9_]+/, "");
  slug = slug.slice(0, 50).replace(/_+$/, "");
  return slug || "field";
}

/**
 * A valid key for `label` not in `taken`: the slug, or the slug with a number ("amount_2") when it is
 * taken or reserved. Never returns a key that FIELD_KEY rejects.
 */
export function deriveKey(label: string, taken: ReadonlySet<string>): string {
  const base = slugOfLabel(label);
  const free = (key: string) => FIELD_KEY.test(key) && !RESERVED_KEYS.has(key) && !taken.has(key);
  if (free(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}_${n}`;
    if (free(candidate)) return candidate;
  }
}

/** Why `key` cannot be given to a field (null when it can); `own` is the field's current key. */
export function keyProblem(key: string, taken: ReadonlySet<string>, own: string): string | null {
  if (!FIELD_KEY.test(key)) return "A key starts with a lower-case letter and has only a–z, 0–9 and _ (at most 63 characters)";
  if (RESERVED_KEYS.has(key)) return "This key is reserved; choose another";
  if (key !== own && taken.has(key)) return "Another field already uses this key";
  return null;
}
