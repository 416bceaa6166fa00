// The demo company's Expense Approval form (version 1), as stored in task_versions.definition.
// One copy, used by the seed and by the forms tests' fixtures.
import type { TFormDefinitionInput } from "@/lib/forms/definition";

export const EXPENSE_CATEGORIES = [
  { value: "travel", label: "Travel" },
  { value: "office_supplies", label: "Office Supplies" },
  { value: "equipment", label: "Equipment" },
];

export const SEED_EXPENSE_FORM = {
  schemaVersion: 1,
  fields: [
    { key: "employee_name", type: "text", label: "Employee Name", required: true, validation: { minLength: 2, maxLength: 100 } },
    { key: "amount", type: "currency", label: "Amount", required: true, currency: "USD", validation: { min: 0 } },
    { key: "category", type: "dropdown", label: "Category", required: true, options: EXPENSE_CATEGORIES },
    {
      key: "receipt",
      type: "file",
      label: "Receipt",
      required: true,
      validation: { accept: ["image/png", "image/jpeg", "application/pdf"], maxSizeMb: 10 },
    },
  ],
  logic: [],
} satisfies TFormDefinitionInput;
