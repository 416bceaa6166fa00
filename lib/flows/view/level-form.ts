// A level may ask for several forms; the runner takes their values as ONE flat object by field key
// and validates each form's own keys with that form (lib/flows/runner/validate.ts). The browser does
// the same by filling one combined form: each form's fields under a heading with its name. Forms of
// one level cannot reference each other's fields, so validating the combination is the same as
// validating each form. Pure.
import type { TFormDefinition } from "@/lib/forms/definition";

export type LevelForm = { name: string; definition: TFormDefinition };

/** The forms of a level as one definition (a single form is returned as it is). */
export function combineLevelForms(forms: readonly LevelForm[]): TFormDefinition | null {
  if (forms.length === 0) return null;
  if (forms.length === 1) return forms[0]!.definition;
  const seen = new Set<string>();
  const allKeys = new Set(forms.flatMap((form) => form.definition.fields.map((field) => field.key)));
  const headingKey = (index: number) => {
    let key = `form_heading_${index}`;
    while (allKeys.has(key)) key = `${key}_`;
    return key;
  };
  const fields: TFormDefinition["fields"] = [];
  const logic: NonNullable<TFormDefinition["logic"]> = [];
  forms.forEach((form, index) => {
    // Headings carry no value; their keys only need to differ from every field key.
    fields.push({ key: headingKey(index + 1), type: "section", label: form.name } as TFormDefinition["fields"][number]);
    for (const field of form.definition.fields) {
      // Data is merged by key: a key two forms share is one value, asked for once.
      if (seen.has(field.key)) continue;
      seen.add(field.key);
      fields.push(field);
    }
    for (const rule of form.definition.logic ?? []) logic.push({ ...rule, id: `${rule.id}_${index + 1}` });
  });
  return { schemaVersion: 1, fields, logic };
}
