// Which fields a simulation asks sample values for, and how typed input text becomes data: the
// fields of the forms of each level, in level order, each asked once (where it is first filled).
import type { Type } from "@/lib/expressions/types";
import type { TFlowDefinition } from "@/lib/flows/definition";
import { levelsByOrder } from "@/lib/flows/engine/graph";
import type { Json } from "@/lib/flows/engine/types";
import type { SimForm } from "./context";

export type SampleField = { key: string; label: string; type: Type };
export type SampleLevel = { levelId: string; levelName: string; fields: SampleField[] };

// A list of files or of free text cannot be typed in one input; the sample leaves it empty.
const isEnterable = (type: Type) => type.kind !== "unknown" && type.kind !== "null" && (type.kind !== "list" || type.element.kind === "options");

/** The levels that fill forms, each with the fields first filled there. */
export function sampleFieldsByLevel(definition: TFlowDefinition, forms: ReadonlyMap<string, SimForm>): SampleLevel[] {
  const seen = new Set<string>();
  const levels: SampleLevel[] = [];
  for (const level of levelsByOrder(definition)) {
    const fields: SampleField[] = [];
    for (const id of level.taskVersionIds) {
      const form = forms.get(id);
      for (const [key, type] of Object.entries(form?.fields ?? {})) {
        if (key.includes(".") || seen.has(key) || !isEnterable(type)) continue;
        seen.add(key);
        fields.push({ key, label: form?.labels?.[key] ?? key, type });
      }
    }
    if (fields.length > 0) levels.push({ levelId: level.id, levelName: level.name, fields });
  }
  return levels;
}

/** The text an input shows for a value. */
export function inputText(value: Json | undefined): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  return String(value);
}

/** The value typed text means for a field of `type`; undefined for "no value". */
export function valueFromInput(type: Type, text: string): Json | undefined {
  if (text.trim() === "") return undefined;
  switch (type.kind) {
    case "number": {
      const number = Number(text);
      return Number.isFinite(number) ? number : undefined;
    }
    case "datetime":
      // datetime-local has no zone; simulations read it as UTC, as the engine reads zoneless text.
      return text.length === 16 ? `${text}:00.000Z` : text;
    default:
      return text;
  }
}

/** A value for display in a list of values to try ("12,000", "yes", "travel"). */
export function displayValue(value: Json): string {
  if (typeof value === "number") return value.toLocaleString("en-US", { maximumFractionDigits: 10 });
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (Array.isArray(value)) return value.map((item) => displayValue(item)).join(", ");
  return inputText(value);
}
