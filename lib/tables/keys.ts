// Keys for tables and columns, derived once from a name and then stable: records, filters, formulas,
// relations and the API refer to columns (and URLs to tables) by key, so renaming a label must never
// move data. (The form builder has the same idea for field keys in its own branch; the two can merge.)
import { RESERVED_KEYS } from "@/lib/forms/field-types";
import { COLUMN_KEY } from "./columns";

const KEY_LENGTH = 40;

/** "Unit price (€)" → "unit_price": lower-case ASCII words joined by "_", starting with a letter. */
export function slugOfLabel(label: string, fallback = "column"): string {
  const words = label
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const slug = words.join("_").replace(/^[0-9_]+/, "").slice(0, KEY_LENGTH - 3).replace(/_+$/, "");
  return slug || fallback;
}

/**
 * A valid key for `label` that is not in `taken`: the slug, or the slug with a number ("amount_2")
 * when that is taken or reserved. Never returns a key COLUMN_KEY rejects.
 */
export function deriveKey(label: string, taken: ReadonlySet<string>, fallback = "column"): string {
  const base = slugOfLabel(label, fallback);
  const free = (key: string) => COLUMN_KEY.test(key) && !RESERVED_KEYS.has(key) && !taken.has(key);
  if (free(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}_${n}`;
    if (free(candidate)) return candidate;
  }
}
