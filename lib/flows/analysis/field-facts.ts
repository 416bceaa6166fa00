// What a form's definition says about each field's value beyond its type, for the coverage check:
// whether it can be missing from a submission (optional, required only under a condition, hidden by a
// show condition or under a hidden section, or calculated) and its numeric bounds.
import type { TFormDefinition } from "@/lib/forms/definition";
import type { FieldFacts } from "./samples";

type Field = TFormDefinition["fields"][number];

const showOf = (field: { conditions?: { show?: { source: string } } }) => field.conditions?.show?.source;

/** The facts of each top-level field of a form, by key (repeating groups, sections: none). */
export function fieldFactsOf(definition: TFormDefinition): Record<string, FieldFacts> {
  const facts: Record<string, FieldFacts> = {};
  // A section's show condition hides every field after it until the next section (as submission.ts does).
  let sectionShow: string | undefined;
  for (const field of definition.fields as readonly Field[]) {
    if (field.type === "section") {
      sectionShow = showOf(field);
      continue;
    }
    if (field.type === "repeating_group") continue;
    const own = showOf(field);
    const hiddenWhen = own && sectionShow ? `(${sectionShow}) and (${own})` : (own ?? sectionShow);
    const calculated = field.type === "calculated";
    const required = !calculated && "required" in field && field.required === true;
    const validation = "validation" in field ? (field.validation as { min?: unknown; max?: unknown; integer?: boolean } | undefined) : undefined;
    facts[field.key] = {
      label: field.label || field.key,
      canBeEmpty: !required || hiddenWhen !== undefined,
      ...(hiddenWhen !== undefined ? { hiddenWhen } : {}),
      ...(typeof validation?.min === "number" ? { min: validation.min } : {}),
      ...(typeof validation?.max === "number" ? { max: validation.max } : {}),
      ...(validation?.integer ? { integer: true } : {}),
    };
  }
  return facts;
}
