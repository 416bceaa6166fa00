// Bulk paste of a dataset section's items: one per line, "value|Label" (or just "Label").
import { slugOfLabel } from "@/lib/tables/keys";
import { parseValueLabelLines } from "@/lib/value-label-paste";

export type TPastedItems = { items: { value: string; label: string }[]; problems: string[] };

/** Items from pasted text (lib/value-label-paste.ts); values already in `existing` are reported. */
export function parseItemsPaste(text: string, existing: readonly string[] = []): TPastedItems {
  const { entries, problems } = parseValueLabelLines(text, { noun: "item", deriveValue: (label) => slugOfLabel(label, "item"), existing });
  return { items: entries, problems };
}

/** Values that occur more than once (flagged in the editor before the server refuses them). */
export function duplicateValues(items: readonly { value: string }[]): Set<string> {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const item of items) {
    const value = item.value.trim();
    if (seen.has(value)) duplicates.add(value);
    seen.add(value);
  }
  return duplicates;
}
