// Bulk paste of choice options: one option per line, either "Label" or "value|Label".
import { MAX_OPTIONS, type TOption } from "@/lib/forms/field-types";
import { slugOfLabel } from "./keys";

export type TPastedOptions = { options: TOption[]; problems: string[] };

/**
 * Options from pasted text. A line without "|" is a label whose value is derived from it
 * ("Office Supplies" → "office_supplies"); blank lines are skipped; a repeated value is reported and
 * dropped rather than silently merged, so the designer sees what was lost.
 */
export function parseOptionsPaste(text: string): TPastedOptions {
  const options: TOption[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === "") return;
    const bar = line.indexOf("|");
    const value = (bar >= 0 ? line.slice(0, bar) : slugOfLabel(line)).trim();
    const label = (bar >= 0 ? line.slice(bar + 1) : line).trim() || value;
    if (value === "") return void problems.push(`Line ${index + 1}: an option needs a value before "|"`);
    if (value.length > 200 || label.length > 200) return void problems.push(`Line ${index + 1}: at most 200 characters`);
    if (seen.has(value)) return void problems.push(`Line ${index + 1}: the value "${value}" appears more than once`);
    if (options.length >= MAX_OPTIONS) return void problems.push(`Line ${index + 1}: at most ${MAX_OPTIONS} options`);
    seen.add(value);
    options.push({ value, label });
  });
  return { options, problems };
}

/** The options as the text the bulk-paste box shows: "value|Label" per line. */
export function optionsToText(options: readonly TOption[]): string {
  return options.map((option) => `${option.value}|${option.label}`).join("\n");
}
