// The versioned form document stored in TaskVersion.definition:
//   { schemaVersion: 1, fields: Field[], logic?: FormRule[], settings? }
// `ZFormDefinition` validates what the builder (or the seed, or the API) sends, turns rule-builder
// conditions into text (see conditions.ts) and checks every invariant: unique keys, conditions and
// calculated expressions that type-check against the form's fields, no dependency cycles, sane
// bounds, safe patterns, valid defaults. `ZPublishableForm` adds what publishing needs.
//
// `logic` holds cross-field rules: the submission is valid only when `assert` holds, otherwise
// `message` is shown on `field` (or on the whole form). Per-field show/require/disable logic lives
// on the fields (`conditions`), not here; the seed's `logic: []` stays valid.
import { z } from "zod";
import { analyseForm } from "./compile";
import { canonicalCondition, ZCondition, ZConditionInput, type TCondition, type TConditionInput } from "./conditions";
import { publishIssues, structuralIssues } from "./definition-checks";
import { fieldSchemas, ZField, ZFieldKey } from "./field-types";
import { rowTypeEnv, typeEnvOf } from "./type-env";
import type { TypeEnv } from "@/lib/expressions/types";

export const MAX_FIELDS = 300;

const ZFormSettings = z.strictObject({
  submitLabel: z.string().trim().max(60, "At most 60 characters").optional(),
  description: z.string().max(5_000, "At most 5,000 characters").optional(),
});

function formRule<C extends z.ZodType>(condition: C) {
  return z.strictObject({
    id: ZFieldKey,
    assert: condition,
    message: z.string().trim().min(1, "Say what is wrong when the rule fails").max(300, "At most 300 characters"),
    field: ZFieldKey.optional(),
  });
}

function documentSchema<F extends z.ZodType, R extends z.ZodType>(field: F, rule: R) {
  return z.strictObject({
    schemaVersion: z.literal(1, { error: "Unsupported schemaVersion: this version of the app reads form definitions of version 1" }),
    fields: z.array(field).max(MAX_FIELDS, `A form can have at most ${MAX_FIELDS} fields`),
    logic: z.array(rule).max(100, "At most 100 rules").optional(),
    settings: ZFormSettings.optional(),
  });
}

const ZStoredDocument = documentSchema(ZField, formRule(ZCondition));
const ZInputDocument = documentSchema(fieldSchemas(ZConditionInput).ZField, formRule(ZConditionInput));

/** The stored form definition (conditions as text). */
export type TFormDefinition = z.output<typeof ZStoredDocument>;
/** What the builder may send (conditions as text or rule groups). */
export type TFormDefinitionInput = z.input<typeof ZInputDocument>;
export type TFormRule = NonNullable<TFormDefinition["logic"]>[number];

type TParsedInput = z.output<typeof ZInputDocument>;
type Conditions = Partial<Record<string, TConditionInput>>;

function canonicalConditions(conditions: Conditions | undefined, env: TypeEnv): Record<string, TCondition> | undefined {
  if (!conditions) return undefined;
  const out: Record<string, TCondition> = {};
  for (const [kind, condition] of Object.entries(conditions)) if (condition) out[kind] = canonicalCondition(condition, env);
  return out;
}

/** Rule groups → text; dates in rules are typed with the environment the condition is checked in. */
function canonicalise(input: TParsedInput): TFormDefinition {
  const env = typeEnvOf(input);
  const fields = input.fields.map((field) => {
    const conditions = canonicalConditions(field.conditions as Conditions | undefined, env);
    if (field.type !== "repeating_group") return { ...field, ...(conditions && { conditions }) };
    const rowEnv = rowTypeEnv(input, field);
    const subs = field.fields.map((sub) => {
      const subConditions = canonicalConditions(sub.conditions as Conditions | undefined, rowEnv);
      return { ...sub, ...(subConditions && { conditions: subConditions }) };
    });
    return { ...field, fields: subs, ...(conditions && { conditions }) };
  });
  const logic = input.logic?.map((rule) => ({ ...rule, assert: canonicalCondition(rule.assert, env) }));
  return { ...input, fields, ...(logic && { logic }) } as TFormDefinition;
}

/** Validates a form definition (draft level) and returns it in canonical form. */
export const ZFormDefinition = ZInputDocument.transform((input, context): TFormDefinition => {
  const definition = canonicalise(input);
  const issues = [...structuralIssues(definition), ...analyseForm(definition).issues];
  for (const issue of issues) context.addIssue({ code: "custom", path: issue.path, message: issue.message });
  return issues.length > 0 ? z.NEVER : definition;
});

/** The stricter schema a definition must pass to be published. */
export const ZPublishableForm = ZFormDefinition.superRefine((definition, context) => {
  for (const issue of publishIssues(definition)) context.addIssue({ code: "custom", path: issue.path, message: issue.message });
});

/** Parses an untrusted definition; never throws. */
export function parseFormDefinition(input: unknown): { ok: true; definition: TFormDefinition } | { ok: false; issues: { path: PropertyKey[]; message: string }[] } {
  try {
    const parsed = ZFormDefinition.safeParse(input);
    return parsed.success ? { ok: true, definition: parsed.data } : { ok: false, issues: parsed.error.issues.map(({ path, message }) => ({ path, message })) };
  } catch {
    // Exotic inputs only (e.g. a proxy whose traps throw); JSON never gets here.
    return { ok: false, issues: [{ path: [], message: "Not a form definition" }] };
  }
}
