// Keys for tables and columns, derived once from a name and then stable: records, filters, formulas,
// relations and the API refer to columns (and URLs to tables) by key, so renaming a label must never
// move data. (lib/stable-keys.ts does the work for form fields too.)
import { deriveStableKey, slugOfLabel as slugOfText } from "@/lib/stable-keys";
import { COLUMN_KEY } from "./columns";

const OPTIONS = { pattern: COLUMN_KEY, maxLength: 37, fallback: "column" };

/** "Unit price (€)" → "unit_price" (at most 37 characters, leaving room for a "_2" suffix). */
export function slugOfLabel(label: string, fallback = "column"): string {
  return slugOfText(label, { ...OPTIONS, fallback });
}

/** A valid column (or table) key for `label` that is not in `taken`. */
export function deriveKey(label: string, taken: ReadonlySet<string>, fallback = "column"): string {
  return deriveStableKey(label, taken, { ...OPTIONS, fallback });
}
