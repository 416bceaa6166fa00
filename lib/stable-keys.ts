// Stable keys derived from labels, for form fields, table columns, tables and dataset sections: a key
// is derived once from a name and then kept, because data, rules, formulas and URLs refer to it.
import { RESERVED_KEYS } from "@/lib/forms/field-types";

/** "Unit price (€)" → "unit_price": lower-case ASCII words joined by "_", starting with a letter. */
export function slugOfLabel(label: string, options: { maxLength: number; fallback: string }): string {
  const words = label
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const slug = words.join("_").replace(/^[0-9_]+/, "").slice(0, options.maxLength).replace(/_+$/, "");
  return slug || options.fallback;
}

/**
 * A valid key for `label` not in `taken`: the slug, or the slug with a number ("amount_2") when it is
 * taken or reserved. Never returns a key `pattern` rejects.
 */
export function deriveStableKey(label: string, taken: ReadonlySet<string>, options: { pattern: RegExp; maxLength: number; fallback: string }): string {
  const base = slugOfLabel(label, options);
  const free = (key: string) => options.pattern.test(key) && !RESERVED_KEYS.has(key) && !taken.has(key);
  if (free(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}_${n}`;
    if (free(candidate)) return candidate;
  }
}
