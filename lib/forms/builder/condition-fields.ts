// What a field's conditions (and a calculated field's expression) may read, as the rule builder
// lists them: every other field that holds a value, typed for the expression language. Inside a
// repeating group the row's sibling columns come first, as plain values; other groups' columns are
// lists ("items.price"). The field itself is left out — a rule on itself is a cycle.
import type { Type } from "@/lib/expressions/types";
import type { TFormDefinition } from "@/lib/forms/definition";
import { typeOfField } from "@/lib/forms/type-env";
import { locateField } from "./operations";

export type TReadableField = { key: string; label: string; type: Type };

/** The fields the conditions of `selected` may read (all value fields when nothing is selected). */
export function conditionFieldsFor(definition: TFormDefinition, selected: string | null): TReadableField[] {
  const at = selected ? locateField(definition, selected) : null;
  const out: TReadableField[] = [];
  const push = (key: string, label: string, type: Type | null) => {
    if (type) out.push({ key, label, type });
  };
  if (at?.container) {
    const group = definition.fields.find((field) => field.key === at.container);
    if (group?.type === "repeating_group") for (const sub of group.fields) if (sub.key !== selected) push(sub.key, `${sub.label || sub.key} (this row)`, typeOfField(sub));
  }
  for (const field of definition.fields) {
    if (field.key === selected) continue;
    if (field.type === "repeating_group") {
      // A row cannot read its own group's columns as lists (the checker refuses it).
      if (field.key === at?.container) continue;
      for (const sub of field.fields) {
        const type = typeOfField(sub);
        push(`${field.key}.${sub.key}`, `${field.label || field.key} › ${sub.label || sub.key}`, type && (type.kind === "list" ? type : { kind: "list", element: type }));
      }
      continue;
    }
    push(field.key, field.label || field.key, typeOfField(field));
  }
  return out;
}
