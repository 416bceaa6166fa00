// What the expression language sees of a form: each field's key and static type. Conditions and
// calculated fields are type-checked against it when the form is saved; flows combine several forms'
// environments (with a prefix each) and instance data later.
import { t, type Type, type TypeEnv } from "@/lib/expressions/types";

// Structural on purpose: works for the stored definition and for the builder's input alike.
export type TFieldShape = {
  key: string;
  type: string;
  options?: readonly { value: string; label: string }[];
  source?: unknown;
  resultType?: string;
  fields?: readonly TFieldShape[];
};

const SCALAR: Readonly<Record<string, Type>> = {
  text: t.string, textarea: t.string, rich_text: t.string, email: t.string, phone: t.string, url: t.string,
  time: t.string, signature: t.string, user: t.string, department: t.string,
  number: t.number, currency: t.number, rating: t.number,
  yes_no: t.boolean, date: t.date, datetime: t.datetime,
  // A file field holds a list of file ids.
  file: t.list(t.string),
};

const RESULT: Readonly<Record<string, Type>> = { number: t.number, string: t.string, boolean: t.boolean, date: t.date, datetime: t.datetime };

function optionsType(field: TFieldShape): Type {
  // Dynamic options are only known at fill time, so literals cannot be checked against them.
  if (field.source !== undefined || !field.options) return t.string;
  return t.options(field.options.map((option) => ({ value: option.value, label: option.label })));
}

/** The expression type of one field's value; null for fields that hold no single value (sections, groups). */
export function typeOfField(field: TFieldShape): Type | null {
  switch (field.type) {
    case "dropdown":
    case "radio":
      return optionsType(field);
    case "multi_select":
    case "checkbox_group":
      return t.list(optionsType(field));
    case "calculated":
      return field.resultType && Object.hasOwn(RESULT, field.resultType) ? RESULT[field.resultType] : t.unknown;
    default:
      return Object.hasOwn(SCALAR, field.type) ? SCALAR[field.type] : null;
  }
}

/**
 * The environment of a list of fields: `key → type`, and for a repeating group one column per
 * sub-field, `group.sub → list<type>` (a list-valued sub-field gives one flat list, as the evaluator
 * reads it), so `sum(items.amount)` and `items.category contains "travel"` type-check.
 * With `prefix`, every entry is `prefix.key` (flows: `form.amount`, `expense.items.amount`).
 */
export function typeEnvOfFields(fields: readonly TFieldShape[], prefix?: string): TypeEnv {
  const env: Record<string, Type> = {};
  const name = (key: string) => (prefix ? `${prefix}.${key}` : key);
  for (const field of fields) {
    if (field.type === "repeating_group") {
      for (const sub of field.fields ?? []) {
        const type = typeOfField(sub);
        if (type) env[name(`${field.key}.${sub.key}`)] = type.kind === "list" ? type : t.list(type);
      }
      continue;
    }
    const type = typeOfField(field);
    if (type) env[name(field.key)] = type;
  }
  return env;
}

/** The environment conditions and calculated fields of a form are checked against. */
export function typeEnvOf(definition: { fields: readonly TFieldShape[] }): TypeEnv {
  return typeEnvOfFields(definition.fields);
}

/**
 * The environment inside one row of a repeating group: the whole form plus the row's own sub-fields
 * as plain values (`quantity * unit_price`). Keys are unique across the form, so nothing is shadowed.
 */
export function rowTypeEnv(definition: { fields: readonly TFieldShape[] }, group: TFieldShape): TypeEnv {
  return { ...typeEnvOf(definition), ...typeEnvOfFields(group.fields ?? []) };
}
