// Bulk paste of choice options: one option per line, either "Label" or "value|Label".
import { MAX_OPTIONS, type TOption } from "@/lib/forms/field-types";
import { parseValueLabelLines } from "@/lib/value-label-paste";
import { slugOfLabel } from "./keys";

export type TPastedOptions = { options: TOption[]; problems: string[] };

/** Options from pasted text (lib/value-label-paste.ts). */
export function parseOptionsPaste(text: string): TPastedOptions {
  const { entries, problems } = parseValueLabelLines(text, { noun: "option", deriveValue: slugOfLabel, maxEntries: MAX_OPTIONS });
  return { options: entries, problems };
}

/** The options as the text the bulk-paste box shows: "value|Label" per line. */
export function optionsToText(options: readonly TOption[]): string {
  return options.map((option) => `${option.value}|${option.label}`).join("\n");
}
