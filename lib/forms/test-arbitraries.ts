// fast-check generators for the property tests: valid form definitions (every field type, conditions
// over earlier fields, calculated fields, a repeating group) and submissions that mix plausible
// values, garbage and hostile keys.
import fc from "fast-check";
import type { TFormDefinitionInput } from "./definition";
import { FIELD_KEY, RESERVED_KEYS } from "./field-types";

type FieldInput = TFormDefinitionInput["fields"][number];
type Json = Record<string, unknown>;

const VALUE_TYPES = [
  "text", "textarea", "rich_text", "number", "currency", "email", "phone", "url", "date", "datetime", "time",
  "dropdown", "radio", "multi_select", "checkbox_group", "yes_no", "rating", "file", "signature", "user", "department",
] as const;
type ValueType = (typeof VALUE_TYPES)[number];
const TOP_TYPES = [...VALUE_TYPES, "calculated", "section", "repeating_group"] as const;
type TopType = (typeof TOP_TYPES)[number];
const OPTIONS = ["o0", "o1", "o2", "o3"];
const NUMERIC: ReadonlySet<string> = new Set(["number", "currency", "rating"]);

const keyArb = fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/).filter((key) => FIELD_KEY.test(key) && !RESERVED_KEYS.has(key));

type Spec = { type: TopType; required: boolean; variant: number; condition: { kind: "show" | "require" | "disable"; target: number; literal: number } | null };

const specArb: fc.Arbitrary<Spec> = fc.record({
  type: fc.constantFrom(...TOP_TYPES),
  required: fc.boolean(),
  variant: fc.nat(1_000),
  condition: fc.option(fc.record({ kind: fc.constantFrom("show" as const, "require" as const, "disable" as const), target: fc.nat(100), literal: fc.integer({ min: -5, max: 200 }) }), { nil: null }),
});

type Built = { key: string; type: string; isDynamic?: boolean; resultType?: string; options?: readonly { value: string }[] };

/** A condition over `target` that type-checks, chosen by its type. */
function conditionOver(target: Built, literal: number): string {
  const k = target.key;
  if (NUMERIC.has(target.type) || target.resultType === "number") return `${k} > ${literal}`;
  if (target.type === "yes_no" || target.resultType === "boolean") return literal % 2 === 0 ? k : `not ${k}`;
  if (target.type === "date") return `${k} >= date("2020-01-01")`;
  if (target.type === "datetime") return `${k} < datetime("2030-01-01T00:00:00Z")`;
  const option = target.options?.length ? target.options[Math.abs(literal) % target.options.length].value : "any";
  if (target.type === "dropdown" || target.type === "radio") return target.isDynamic ? `${k} == "any"` : `${k} == "${option}"`;
  if (target.type === "multi_select" || target.type === "checkbox_group") return target.isDynamic ? `is_not_empty(${k})` : `${k} contains "${option}"`;
  if (target.type === "file") return `len(${k}) > 0`;
  return literal % 2 === 0 ? `is_not_empty(${k})` : `len(${k}) > ${Math.abs(literal) % 5}`;
}

function valueField(key: string, type: ValueType, spec: Spec): FieldInput & Built {
  const v = spec.variant;
  const base = { key, label: `Label ${key}`, required: spec.required };
  switch (type) {
    case "text":
      return { ...base, type, validation: v % 3 === 0 ? { minLength: 1, maxLength: 20 } : v % 3 === 1 ? { pattern: "[a-z ]*", patternMessage: "Lower-case letters only" } : undefined, ...(v % 5 === 0 && { defaultValue: "hello" }) };
    case "number":
      return { ...base, type, validation: v % 2 === 0 ? { min: -10, max: 100, integer: v % 4 === 0 } : undefined, ...(v % 5 === 0 && { defaultValue: 0 }) };
    case "currency":
      return { ...base, type, currency: "USD", decimals: v % 3, validation: { min: 0 } };
    case "dropdown":
    case "radio":
    case "multi_select":
    case "checkbox_group": {
      const isDynamic = v % 7 === 0;
      const options = OPTIONS.slice(0, (v % 4) + 1).map((value) => ({ value, label: value.toUpperCase() }));
      const source = isDynamic ? { source: { kind: "table" as const, tableId: "00000000-0000-4000-8000-000000000000", column: "name" } } : {};
      return { ...base, type, options, ...source, isDynamic };
    }
    case "date":
      return { ...base, type, validation: v % 2 === 0 ? { min: "2020-01-01", max: "2030-12-31" } : undefined };
    case "datetime":
      return { ...base, type, validation: v % 2 === 0 ? { min: "2020-01-01T00:00:00Z" } : undefined };
    case "time":
      return { ...base, type, validation: v % 2 === 0 ? { min: "08:00", max: "18:00" } : undefined };
    case "rating":
      return { ...base, type, max: 3 + (v % 8) };
    case "file":
      return { ...base, type, multiple: v % 2 === 0, validation: v % 2 === 0 ? { maxFiles: 3, accept: ["application/pdf"] } : undefined };
    default:
      return { ...base, type } as FieldInput & Built;
  }
}

function buildField(key: string, spec: Spec, earlier: Built[], subKeys: string[], subSpecs: Spec[]): FieldInput & Built {
  const targets = earlier.filter((field) => field.type !== "section" && field.type !== "repeating_group");
  const target = spec.condition && targets.length > 0 ? targets[spec.condition.target % targets.length] : null;
  const source = target ? conditionOver(target, spec.condition!.literal) : null;
  if (spec.type === "section") return { key, type: "section", label: `Section ${key}`, ...(source && { conditions: { show: { source } } }) };
  if (spec.type === "calculated") {
    const numbers = targets.filter((field) => NUMERIC.has(field.type) || field.resultType === "number");
    const expression = numbers.length > 0 ? numbers.map((field) => `coalesce(${field.key}, 0)`).join(" + ") : String(spec.variant);
    return { key, type: "calculated", label: `Calculated ${key}`, expression, resultType: "number", ...(source && { conditions: { show: { source } } }) };
  }
  if (spec.type === "repeating_group") {
    const subs: Built[] = [];
    const fields = subKeys.map((subKey, index) => {
      const subSpec = subSpecs[index % subSpecs.length];
      const subType = VALUE_TYPES[subSpec.variant % VALUE_TYPES.length];
      const sub = buildField(`${key}_${subKey}`, { ...subSpec, type: subType }, subs, [], []);
      subs.push(sub);
      return sub;
    });
    const conditions = source ? { [spec.condition!.kind === "require" ? "show" : spec.condition!.kind]: { source } } : undefined;
    const unique = fields.filter((field) => field.type === "text").map((field) => field.key).slice(0, 1);
    return { key, type: "repeating_group", label: `Group ${key}`, fields, validation: { maxRows: 5, uniqueWithinGroup: unique }, ...(conditions && { conditions }) } as FieldInput & Built;
  }
  const field = valueField(key, spec.type, spec);
  return source ? { ...field, conditions: { [spec.condition!.kind]: { source } } } : field;
}

/** Valid form definitions (the builder's input form) — the property tests check they parse. */
export const definitionArb: fc.Arbitrary<TFormDefinitionInput> = fc
  .record({
    keys: fc.uniqueArray(keyArb, { minLength: 1, maxLength: 8 }),
    specs: fc.array(specArb, { minLength: 8, maxLength: 8 }),
    subKeys: fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9]{0,3}$/), { minLength: 1, maxLength: 3 }),
    subSpecs: fc.array(specArb, { minLength: 3, maxLength: 3 }),
  })
  .map(({ keys, specs, subKeys, subSpecs }) => {
    const built: Array<FieldInput & Built> = [];
    for (const [index, key] of keys.entries()) built.push(buildField(key, specs[index], built, subKeys, subSpecs));
    // Sub-field keys embed the group key, so they cannot clash with other keys… unless a top-level key
    // happens to equal one; such definitions are dropped by the filter below.
    const fields = built.map(({ isDynamic, ...field }) => {
      void isDynamic;
      if (field.type !== "repeating_group") return field;
      return { ...field, fields: (field as { fields: Array<Built & FieldInput> }).fields.map(({ isDynamic: _unused, ...sub }) => sub) };
    });
    return { schemaVersion: 1 as const, fields: fields as TFormDefinitionInput["fields"] };
  })
  .filter((definition) => {
    const keys = definition.fields.flatMap((field) => [field.key, ...(field.type === "repeating_group" ? field.fields.map((sub) => sub.key) : [])]);
    return new Set(keys).size === keys.length && keys.every((key) => FIELD_KEY.test(key));
  });

const uuidArb = fc.uuid();
// Built once: arbitraries from regular expressions are costly to construct.
const word = fc.stringMatching(/^[a-z]{1,10}$/);
const garbage = fc.anything({ maxDepth: 2, maxKeys: 4, withNullPrototype: true, withMap: false, withSet: false, withTypedArray: false });

function plausibleValue(field: Json): fc.Arbitrary<unknown> {
  const options = Array.isArray(field.options) ? (field.options as Json[]).map((option) => option.value as string) : [];
  switch (field.type) {
    case "number":
    case "currency":
    case "rating":
      return fc.oneof(fc.integer({ min: -20, max: 120 }), fc.double({ noNaN: false }), fc.constantFrom("12.5", "1e3", "", "abc", " 7 "));
    case "dropdown":
    case "radio":
      return fc.constantFrom(...options, "bogus", "");
    case "multi_select":
    case "checkbox_group":
      return fc.subarray([...options, "bogus"]);
    case "date":
      return fc.oneof(fc.date({ noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)), fc.constantFrom("2026-02-30", "2026-1-1"));
    case "datetime":
      return fc.oneof(fc.date({ noInvalidDate: true }).map((date) => date.toISOString()), fc.constantFrom("2026-01-01T10:00", "2026-01-01T10:00:00+02:00"));
    case "time":
      return fc.constantFrom("09:30", "23:59:59", "24:00", "7:00", "");
    case "yes_no":
      return fc.oneof(fc.boolean(), fc.constantFrom("true", 1));
    case "file":
      return fc.oneof(fc.array(uuidArb, { maxLength: 4 }), fc.constant(["not-a-uuid"]));
    case "signature":
    case "user":
    case "department":
      return fc.oneof(uuidArb, fc.constantFrom("data:image/png;base64,iVBORw0KGgoAAAANSUhEUg==", "data:text/html,<b>"));
    case "rich_text":
      return fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom("<p>Hi <b>there</b></p>", '<img src=x onerror="alert(1)">', "<script>alert(1)</script>ok", "<p></p>"));
    case "email":
      return fc.constantFrom("a@example.com", "not-an-email", " b@example.org ", "");
    case "phone":
      return fc.constantFrom("+1 555 0100", "12", "call me");
    case "url":
      return fc.constantFrom("https://example.com/x", "javascript:alert(1)", "example.com");
    default:
      return fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom("hello", "  padded  ", "UPPER", "a\nb"));
  }
}

// A value the generated field accepts (given the constraints definitionArb uses), so that a good
// share of generated submissions is valid and the idempotence property has data to work on.
function validValue(field: Json, row = 0): fc.Arbitrary<unknown> {
  const options = Array.isArray(field.options) ? (field.options as Json[]).map((option) => option.value as string) : [];
  switch (field.type) {
    case "text":
      return word.map((text) => `${text}${row}`.replace(/\d/g, "x"));
    case "textarea":
      return word;
    case "rich_text":
      return word.map((text) => `<p>${text}</p>`);
    case "number":
      return fc.integer({ min: 0, max: 50 });
    case "currency":
      return fc.integer({ min: 0, max: 1_000 });
    case "rating":
      return fc.integer({ min: 1, max: 3 });
    case "dropdown":
    case "radio":
      return options.length > 0 && field.source === undefined ? fc.constantFrom(...options) : fc.constant("any");
    case "multi_select":
    case "checkbox_group":
      return options.length > 0 && field.source === undefined ? fc.subarray(options, { minLength: 1 }) : fc.constant(["any"]);
    case "date":
      return fc.constantFrom("2024-05-06", "2021-01-31");
    case "datetime":
      return fc.constantFrom("2024-05-06T10:00:00Z", "2024-05-06T10:00:00+02:00");
    case "time":
      return fc.constantFrom("09:30", "12:00:00");
    case "yes_no":
      return fc.boolean();
    case "email":
      return fc.constant("a@example.com");
    case "phone":
      return fc.constant("+1 555 0100");
    case "url":
      return fc.constant("https://example.com/x");
    case "file":
      return uuidArb.map((id) => [id]);
    case "signature":
    case "user":
    case "department":
      return uuidArb;
    default:
      return fc.constant(undefined);
  }
}

function valueFor(field: Json): fc.Arbitrary<unknown> {
  if (field.type === "repeating_group") {
    const subs = field.fields as Json[];
    const row = (index: number) => fc.record(Object.fromEntries(subs.map((sub) => [sub.key as string, fc.oneof({ weight: 6, arbitrary: validValue(sub, index) }, plausibleValue(sub))])));
    const rows = fc.integer({ min: 0, max: 4 }).chain((count) => fc.tuple(...Array.from({ length: count }, (_, index) => row(index))));
    return fc.oneof({ weight: 8, arbitrary: rows }, { weight: 1, arbitrary: garbage });
  }
  return fc.oneof(
    { weight: 12, arbitrary: validValue(field) },
    { weight: 3, arbitrary: plausibleValue(field) },
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: garbage },
  );
}

const withOwnKey = (record: Json, key: string, value: unknown): Json => {
  Object.defineProperty(record, key, { value, enumerable: true, configurable: true, writable: true });
  return record;
};

/** Submissions for a definition: plausible values, garbage, missing values and hostile extra keys. */
export function submissionArb(definition: TFormDefinitionInput): fc.Arbitrary<unknown> {
  const fields = definition.fields as unknown as Json[];
  const record = fc.record(Object.fromEntries(fields.map((field) => [field.key as string, valueFor(field)])));
  const extras = fc.oneof({ weight: 6, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom("__proto__", "constructor", "extra", "toString") });
  return fc.oneof(
    { weight: 8, arbitrary: fc.tuple(record, extras, garbage).map(([values, extra, junk]) => (extra ? withOwnKey({ ...values }, extra, junk) : values)) },
    { weight: 1, arbitrary: garbage },
  );
}
