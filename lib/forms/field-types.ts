// The field model of a form definition: one zod object per field type, joined in a discriminated
// union on `type`. Shapes only — invariants across fields (unique keys, conditions that type-check,
// no cycles, min ≤ max, …) live in definition-checks.ts.
//
// The schemas are built by `fieldSchemas(condition)` twice: once accepting what the builder sends
// (conditions as text or rule groups) and once for the stored, canonical document (text only), so
// the TypeScript types describe what is stored.
import { z } from "zod";
import { ZCondition } from "./conditions";

export const FIELD_KEY = /^[a-z][a-z0-9_]{0,62}$/;

/**
 * Keys a field may not have: object internals (prototype pollution), names submissions and records
 * already use, "root" (form-level errors in react-hook-form) and the expression language's keywords
 * (which would need backticks in every condition).
 */
export const RESERVED_KEYS: ReadonlySet<string> = new Set([
  "__proto__", "constructor", "prototype", "hasownproperty", "tostring", "valueof", "id", "root", "form",
  "and", "or", "not", "in", "contains", "true", "false", "null",
]);

export const ZFieldKey = z
  .string()
  .regex(FIELD_KEY, "A key starts with a lower-case letter and has only a–z, 0–9 and _ (at most 63 characters)")
  .refine((key) => !RESERVED_KEYS.has(key), { message: "This key is reserved; choose another" });

/** Longest accepted text per text-like type, after trimming (rich_text: after sanitising). */
export const TEXT_CAPS = { text: 1_000, textarea: 10_000, rich_text: 50_000, email: 254, phone: 40, url: 2_048 } as const;
export const MAX_OPTIONS = 1_000;
export const MAX_ROWS = 1_000;
export const MAX_FILES = 50;
export const MAX_FILE_SIZE_MB = 1_024;

const ZLabel = z.string().trim().max(200, "At most 200 characters");
const ZHelp = z.string().max(2_000, "At most 2,000 characters").optional();
const ZCount = z.int().min(0).max(1_000_000);
const ZFinite = z.number().refine(Number.isFinite, "Must be a finite number");
const ZDateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date as YYYY-MM-DD");
const ZDateTimeText = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/, "Use an ISO datetime with an offset, e.g. 2026-01-31T09:00:00Z");
const ZTimeText = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/, "Use a time as HH:MM");
const ZMimeType = z
  .string()
  .regex(/^[a-z0-9][a-z0-9!#$&^_.+-]*\/(\*|[a-z0-9][a-z0-9!#$&^_.+-]*)$/, "Use a MIME type such as application/pdf or image/*");

export const ZOption = z.strictObject({
  value: z.string().min(1, "An option needs a value").max(200, "At most 200 characters"),
  label: z.string().trim().min(1, "An option needs a label").max(200, "At most 200 characters"),
});
export type TOption = z.output<typeof ZOption>;

/** Options loaded when the form is filled in (resolution is not part of the definition). */
export const ZOptionSource = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("dataset"), datasetId: z.uuid(), sectionKey: z.string().min(1).max(200) }),
  z.strictObject({ kind: z.literal("table"), tableId: z.uuid(), column: z.string().min(1).max(200) }),
]);
export type TOptionSource = z.output<typeof ZOptionSource>;

const ZTextValidation = z.strictObject({
  minLength: ZCount.optional(),
  maxLength: ZCount.optional(),
  pattern: z.string().max(1_000).optional(),
  patternMessage: z.string().trim().max(300).optional(),
});
const ZPatternOnly = ZTextValidation.pick({ pattern: true, patternMessage: true });
const ZNumberValidation = z.strictObject({ min: ZFinite.optional(), max: ZFinite.optional(), integer: z.boolean().optional() });
const ZSelectionValidation = z.strictObject({ minSelected: ZCount.optional(), maxSelected: ZCount.optional() });
const ZFileValidation = z.strictObject({
  accept: z.array(ZMimeType).max(50).optional(),
  maxSizeMb: z.number().positive("Must be more than 0").max(MAX_FILE_SIZE_MB).optional(),
  maxFiles: z.int().min(1).max(MAX_FILES).optional(),
});

export const CALCULATED_RESULT_TYPES = ["number", "string", "boolean", "date", "datetime"] as const;

/** Builds the field unions around a condition schema (see the file comment). */
export function fieldSchemas<C extends z.ZodType>(condition: C) {
  const ZShowOnly = z.strictObject({ show: condition.optional() });
  const ZInputConditions = z.strictObject({ show: condition.optional(), require: condition.optional(), disable: condition.optional() });
  const base = { key: ZFieldKey, label: ZLabel, help: ZHelp };
  // defaultValue is checked against the field by the same code that checks submitted values.
  const input = { ...base, placeholder: z.string().max(200).optional(), required: z.boolean().optional(), defaultValue: z.unknown().optional(), conditions: ZInputConditions.optional() };
  const withOptions = { ...input, options: z.array(ZOption).max(MAX_OPTIONS).default([]), source: ZOptionSource.optional() };

  const subFields = [
    z.strictObject({ ...input, type: z.literal("text"), validation: ZTextValidation.optional() }),
    z.strictObject({ ...input, type: z.literal("textarea"), validation: ZTextValidation.optional() }),
    z.strictObject({ ...input, type: z.literal("rich_text"), validation: ZTextValidation.pick({ minLength: true, maxLength: true }).optional() }),
    z.strictObject({ ...input, type: z.literal("number"), validation: ZNumberValidation.optional() }),
    z.strictObject({
      ...input,
      type: z.literal("currency"),
      currency: z.string().regex(/^[A-Z]{3}$/, "Use an ISO 4217 currency code such as USD"),
      decimals: z.int().min(0).max(4).optional(),
      validation: ZNumberValidation.omit({ integer: true }).optional(),
    }),
    z.strictObject({ ...input, type: z.literal("email"), validation: ZPatternOnly.optional() }),
    z.strictObject({ ...input, type: z.literal("phone"), validation: ZPatternOnly.optional() }),
    z.strictObject({ ...input, type: z.literal("url"), validation: ZPatternOnly.optional() }),
    z.strictObject({ ...input, type: z.literal("date"), validation: z.strictObject({ min: ZDateText.optional(), max: ZDateText.optional() }).optional() }),
    z.strictObject({ ...input, type: z.literal("datetime"), validation: z.strictObject({ min: ZDateTimeText.optional(), max: ZDateTimeText.optional() }).optional() }),
    z.strictObject({ ...input, type: z.literal("time"), validation: z.strictObject({ min: ZTimeText.optional(), max: ZTimeText.optional() }).optional() }),
    z.strictObject({ ...withOptions, type: z.literal("dropdown") }),
    z.strictObject({ ...withOptions, type: z.literal("radio") }),
    z.strictObject({ ...withOptions, type: z.literal("multi_select"), validation: ZSelectionValidation.optional() }),
    z.strictObject({ ...withOptions, type: z.literal("checkbox_group"), validation: ZSelectionValidation.optional() }),
    z.strictObject({ ...input, type: z.literal("yes_no") }),
    z.strictObject({ ...input, type: z.literal("rating"), max: z.int().min(3, "At least 3").max(10, "At most 10").optional() }),
    z.strictObject({ ...input, type: z.literal("file"), multiple: z.boolean().optional(), validation: ZFileValidation.optional() }),
    z.strictObject({ ...input, type: z.literal("signature") }),
    z.strictObject({ ...input, type: z.literal("user") }),
    z.strictObject({ ...input, type: z.literal("department") }),
    z.strictObject({
      ...base,
      type: z.literal("calculated"),
      expression: z.string().min(1, "Enter an expression").max(4_000),
      resultType: z.enum(CALCULATED_RESULT_TYPES),
      conditions: ZShowOnly.optional(),
    }),
  ] as const;

  const unknownType = { error: (issue: { code?: string }) => (issue.code === "invalid_union" ? "Unknown field type" : undefined) };
  const ZSubField = z.discriminatedUnion("type", [...subFields], unknownType);
  const ZField = z.discriminatedUnion(
    "type",
    [
      ...subFields,
      z.strictObject({ ...base, type: z.literal("section"), conditions: ZShowOnly.optional() }),
      z.strictObject({
        ...base,
        type: z.literal("repeating_group"),
        fields: z.array(ZSubField).max(50, "A group can have at most 50 fields"),
        // No `required`/`require`: how many rows a group needs is `minRows`.
        conditions: ZInputConditions.omit({ require: true }).optional(),
        validation: z
          .strictObject({
            minRows: z.int().min(0).max(MAX_ROWS).optional(),
            maxRows: z.int().min(1).max(MAX_ROWS).optional(),
            uniqueWithinGroup: z.array(ZFieldKey).max(50).optional(),
          })
          .optional(),
      }),
    ],
    unknownType,
  );
  return { ZSubField, ZField };
}

const stored = fieldSchemas(ZCondition);
/** A stored top-level field (conditions as text). */
export const ZField = stored.ZField;
/** A stored field inside a repeating group. */
export const ZSubField = stored.ZSubField;
export type TField = z.output<typeof ZField>;
export type TSubField = z.output<typeof ZSubField>;
export type TFieldType = TField["type"];
export type TGroupField = Extract<TField, { type: "repeating_group" }>;
export type TSectionField = Extract<TField, { type: "section" }>;
export type TCalculatedField = Extract<TField, { type: "calculated" }>;
/** A field the person filling in the form gives a value to. */
export type TInputField = Exclude<TSubField, TCalculatedField>;
export type TOptionField = Extract<TField, { type: "dropdown" | "radio" | "multi_select" | "checkbox_group" }>;
export type TInputType = TInputField["type"];

/** Types that hold a value the filler enters (everything but sections, groups and calculated fields). */
export const INPUT_TYPES: ReadonlySet<string> = new Set<TInputType>([
  "text", "textarea", "rich_text", "number", "currency", "email", "phone", "url", "date", "datetime", "time",
  "dropdown", "radio", "multi_select", "checkbox_group", "yes_no", "rating", "file", "signature", "user", "department",
]);
export const OPTION_TYPES: ReadonlySet<string> = new Set<TOptionField["type"]>(["dropdown", "radio", "multi_select", "checkbox_group"]);

export const isInputField = (field: TField | TSubField): field is TInputField => INPUT_TYPES.has(field.type);
export const isOptionField = (field: TField | TSubField): field is TOptionField => OPTION_TYPES.has(field.type);
/** The name a message uses for a field: its label, or its key while the label is empty. */
export const fieldName = (field: { key: string; label: string }) => field.label || field.key;
