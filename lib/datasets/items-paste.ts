// Bulk paste of a dataset section's items: one per line, "value|Label" (or just "Label").
import { slugOfLabel } from "@/lib/tables/keys";

export type TPastedItems = { items: { value: string; label: string }[]; problems: string[] };

const LIMIT = 200;

/**
 * Items from pasted text. A line without "|" is a label whose value is derived from it
 * ("Office Supplies" → "office_supplies"); blank lines are skipped; a value repeated within the paste
 * or already in `existing` is reported and dropped so the editor sees what was left out.
 */
export function parseItemsPaste(text: string, existing: readonly string[] = []): TPastedItems {
  const items: TPastedItems["items"] = [];
  const problems: string[] = [];
  const seen = new Set(existing);
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === "") return;
    const bar = line.indexOf("|");
    const value = (bar >= 0 ? line.slice(0, bar) : slugOfLabel(line, "item")).trim();
    const label = (bar >= 0 ? line.slice(bar + 1) : line).trim() || value;
    if (value === "") return void problems.push(`Line ${index + 1}: an item needs a value before "|"`);
    if (value.length > LIMIT || label.length > LIMIT) return void problems.push(`Line ${index + 1}: at most ${LIMIT} characters`);
    if (seen.has(value)) return void problems.push(`Line ${index + 1}: the value "${value}" is already listed`);
    seen.add(value);
    items.push({ value, label });
  });
  return { items, problems };
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
