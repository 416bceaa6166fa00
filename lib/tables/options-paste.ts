// Bulk paste of a select column's options: one option per line, "Value" or "Value|colour".
import type { z } from "zod";
import { MAX_SELECT_OPTIONS, ZSelectOption } from "./columns";

export type TColour = z.output<typeof ZSelectOption>["color"];
export const OPTION_COLOURS: readonly TColour[] = ZSelectOption.shape.color.unwrap().options;

export type TPastedSelectOptions = { options: { value: string; color: TColour }[]; problems: string[] };

/**
 * Options from pasted text. Blank lines are skipped; an unknown colour falls back to grey (reported);
 * a repeated value (also one already in `existing`) is reported and dropped, not silently merged.
 * Colours cycle through the palette when none is given, so new options are told apart at a glance.
 */
export function parseSelectOptionsPaste(text: string, existing: readonly string[] = []): TPastedSelectOptions {
  const options: TPastedSelectOptions["options"] = [];
  const problems: string[] = [];
  const seen = new Set(existing);
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === "") return;
    const bar = line.lastIndexOf("|");
    const value = (bar >= 0 ? line.slice(0, bar) : line).trim();
    const colourText = bar >= 0 ? line.slice(bar + 1).trim().toLowerCase() : "";
    if (value === "") return void problems.push(`Line ${index + 1}: an option needs a value`);
    if (value.length > 120) return void problems.push(`Line ${index + 1}: at most 120 characters`);
    if (seen.has(value)) return void problems.push(`Line ${index + 1}: "${value}" is already an option`);
    if (seen.size >= MAX_SELECT_OPTIONS) return void problems.push(`Line ${index + 1}: at most ${MAX_SELECT_OPTIONS} options`);
    let color = OPTION_COLOURS[(existing.length + options.length) % OPTION_COLOURS.length]!;
    if (colourText) {
      if ((OPTION_COLOURS as readonly string[]).includes(colourText)) color = colourText as TColour;
      else problems.push(`Line ${index + 1}: unknown colour "${colourText}", kept the default`);
    }
    seen.add(value);
    options.push({ value, color });
  });
  return { options, problems };
}
