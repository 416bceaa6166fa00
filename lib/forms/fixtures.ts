// Form definitions for tests and benchmarks: the seed's Expense Approval form (and a version with a
// condition), and a large generated form with conditions and a repeating group.
import { EXPENSE_CATEGORIES, SEED_EXPENSE_FORM as SEED_FORM } from "@/lib/seed/expense-form";
import type { TFormDefinitionInput } from "./definition";

const CATEGORIES = EXPENSE_CATEGORIES;

/** The document the demo seed stores (lib/seed/expense-form.ts), checked against the definition input type. */
export const SEED_EXPENSE_FORM = SEED_FORM;

/** The Expense Approval form of the e2e journey: the receipt is required only when Amount > 100. */
export const EXPENSE_FORM = {
  ...SEED_EXPENSE_FORM,
  fields: [
    ...SEED_EXPENSE_FORM.fields.slice(0, 3),
    { ...SEED_EXPENSE_FORM.fields[3], required: false, conditions: { require: { source: "amount > 100" } } },
  ],
} satisfies TFormDefinitionInput;

const OPTIONS = ["alpha", "beta", "gamma", "delta"].map((value) => ({ value, label: value[0].toUpperCase() + value.slice(1) }));

/**
 * A 60-field form for the benchmark: 59 top-level fields of every kind (10 of them conditional) and
 * one repeating group of 5 sub-fields with a calculated line total.
 */
export function largeDefinition(): TFormDefinitionInput {
  const kinds = ["text", "number", "dropdown", "date", "email", "yes_no", "textarea", "currency", "multi_select", "rating"] as const;
  const fields: TFormDefinitionInput["fields"] = [];
  for (let index = 0; index < 59; index++) {
    const kind = kinds[index % kinds.length];
    const key = `f${index}_${kind}`;
    const base = { key, label: `Field ${index} (${kind})`, required: index % 3 === 0 };
    switch (kind) {
      case "text":
        fields.push({ ...base, type: "text", validation: { minLength: 1, maxLength: 200, pattern: "[A-Za-z0-9 ]+" } });
        break;
      case "number":
        fields.push({ ...base, type: "number", validation: { min: 0, max: 1_000_000 } });
        break;
      case "dropdown":
        fields.push({ ...base, type: "dropdown", options: OPTIONS });
        break;
      case "date":
        fields.push({ ...base, type: "date", validation: { min: "2000-01-01" } });
        break;
      case "email":
        fields.push({ ...base, type: "email" });
        break;
      case "yes_no":
        fields.push({ ...base, type: "yes_no" });
        break;
      case "textarea":
        fields.push({ ...base, type: "textarea", validation: { maxLength: 2_000 } });
        break;
      case "currency":
        fields.push({ ...base, type: "currency", currency: "EUR", validation: { min: 0 } });
        break;
      case "multi_select":
        fields.push({ ...base, type: "multi_select", options: OPTIONS, validation: { maxSelected: 3 } });
        break;
      case "rating":
        fields.push({ ...base, type: "rating", max: 5 });
        break;
    }
  }
  // Ten conditions over earlier fields: show, require and disable, simple and compound.
  const conditional: Array<[number, "show" | "require" | "disable", string]> = [
    [11, "show", "f1_number > 10"],
    [12, "show", 'f2_dropdown == "gamma"'],
    [13, "require", "f5_yes_no"],
    [14, "show", 'f1_number > 10 and f2_dropdown in ["gamma", "beta"]'],
    [16, "disable", "f15_yes_no"],
    [20, "show", "f3_date >= date(\"2020-01-01\")"],
    [23, "require", "f21_number >= 500 or f25_yes_no"],
    [31, "show", 'f8_multi_select contains "gamma"'],
    [34, "show", "is_not_empty(f30_text)"],
    [44, "require", "f41_number + f47_currency > 1000"],
  ];
  for (const [index, kind, source] of conditional) {
    const field = fields[index];
    fields[index] = { ...field, required: false, conditions: { [kind]: { source } } } as typeof field;
  }
  fields.push({
    key: "lines",
    type: "repeating_group",
    label: "Lines",
    validation: { minRows: 1, maxRows: 100, uniqueWithinGroup: ["line_code"] },
    fields: [
      { key: "line_code", type: "text", label: "Code", required: true, validation: { pattern: "[A-Z]{2}-[0-9]{3}" } },
      { key: "line_item", type: "dropdown", label: "Item", required: true, options: OPTIONS },
      { key: "quantity", type: "number", label: "Quantity", required: true, validation: { min: 1, integer: true } },
      { key: "unit_price", type: "currency", label: "Unit price", currency: "EUR", required: true, validation: { min: 0 } },
      { key: "line_total", type: "calculated", label: "Total", expression: "quantity * unit_price", resultType: "number" },
    ],
  });
  return { schemaVersion: 1, fields };
}

/** A valid submission to `largeDefinition()` with `rows` lines; every conditional field is shown and enabled. */
export function largeSubmission(rows = 50): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const sample: Record<string, (index: number) => unknown> = {
    text: (index) => `Value ${index}`,
    number: (index) => index * 37,
    dropdown: (index) => OPTIONS[index % 4].value,
    date: (index) => `2026-0${(index % 9) + 1}-1${index % 10}`,
    email: (index) => `person${index}@example.com`,
    yes_no: (index) => index % 2 === 0,
    textarea: (index) => `Some longer text for field ${index}.\nSecond line.`,
    currency: (index) => index * 12.5,
    multi_select: (index) => [OPTIONS[index % 4].value, "gamma"],
    rating: (index) => (index % 5) + 1,
  };
  for (let index = 0; index < 59; index++) {
    const kind = ["text", "number", "dropdown", "date", "email", "yes_no", "textarea", "currency", "multi_select", "rating"][index % 10];
    values[`f${index}_${kind}`] = sample[kind](index);
  }
  values.lines = Array.from({ length: rows }, (_, index) => ({
    line_code: `AB-${String(index).padStart(3, "0")}`,
    line_item: OPTIONS[index % 4].value,
    quantity: (index % 7) + 1,
    unit_price: 9.99,
  }));
  return values;
}
