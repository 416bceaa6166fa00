// What a branch condition may read, computed from the forms each level fills: the same inputs for the
// editor's as-you-type check (browser) and the publish check (server).
import type { BranchAnalysisOptions } from "@/lib/flows/analysis/branch-analysis";
import type { FieldFacts } from "@/lib/flows/analysis/samples";
import { availableFields, INITIATOR_ENV, type TFlowDefinition } from "@/lib/flows/definition";
import type { TypeEnv } from "@/lib/expressions/types";

/** A published form version as the editor offers it: its fields' types for the expression checker. */
export type FormVersionOption = {
  taskVersionId: string;
  taskId: string;
  name: string;
  number: number;
  fields: TypeEnv;
  /** Field key → label, for showing and suggesting fields in words. */
  labels: Readonly<Record<string, string>>;
  /** What the form says about each field's value (can it be missing, bounds), for the coverage check. */
  facts?: Readonly<Record<string, FieldFacts>>;
};

type FormFields = { fields: TypeEnv; facts?: Readonly<Record<string, FieldFacts>> };

// One field key filled by two forms: it may be missing if either says so; bounds only when they agree.
function mergeFacts(into: Record<string, FieldFacts>, facts: Readonly<Record<string, FieldFacts>>): void {
  for (const [key, next] of Object.entries(facts)) {
    const known = into[key];
    if (!known) into[key] = next;
    else if (JSON.stringify(known) !== JSON.stringify(next)) into[key] = { label: known.label, canBeEmpty: Boolean(known.canBeEmpty || next.canBeEmpty), hiddenWhen: known.hiddenWhen ?? next.hiddenWhen };
  }
}

/** What the editor's pickers offer (the company's roles, departments, active people, published forms). */
export type EditorOptions = {
  roles: { id: string; name: string }[];
  departments: { id: string; name: string }[];
  users: { id: string; name: string; email: string }[];
  forms: FormVersionOption[];
};

/** Check options for a definition: each level's fields are those of its forms (unknown forms fill none). */
export function checkOptionsFor(definition: TFlowDefinition, forms: ReadonlyMap<string, FormFields>): BranchAnalysisOptions {
  const fieldsAt: Record<string, TypeEnv> = {};
  const fieldFacts: Record<string, FieldFacts> = {};
  for (const level of definition.levels) {
    const env: Record<string, TypeEnv[string]> = {};
    for (const id of level.taskVersionIds) {
      Object.assign(env, forms.get(id)?.fields ?? {});
      mergeFacts(fieldFacts, forms.get(id)?.facts ?? {});
    }
    fieldsAt[level.id] = env;
  }
  return { fieldsAt, fieldFacts };
}

/**
 * The fields a condition on a branch leaving each level may read — filled on every route up to and
 * including that level, plus the initiator's attributes — exactly what checkFlow type-checks it with.
 */
export function conditionFieldsByLevel(definition: TFlowDefinition, forms: ReadonlyMap<string, { fields: TypeEnv }>): Map<string, TypeEnv> {
  const available = availableFields(definition, checkOptionsFor(definition, forms).fieldsAt);
  return new Map(definition.levels.map((level) => [level.id, { ...available.get(level.id), ...INITIATOR_ENV }]));
}

/** conditionFieldsByLevel for one level. */
export function conditionFieldsAt(definition: TFlowDefinition, levelId: string, forms: ReadonlyMap<string, { fields: TypeEnv }>): TypeEnv {
  return conditionFieldsByLevel(definition, forms).get(levelId) ?? { ...INITIATOR_ENV };
}
