import { toCsv } from "@/lib/csv/export";
import type { TFormDefinition } from "@/lib/forms/definition";
import type { SubmissionRow } from "@/lib/forms/queries";

// Submissions → CSV rows: one column per top-level field of the form (sections skipped), option
// values as their labels, files as links (the download route checks the reader's company).

type Field = TFormDefinition["fields"][number];

function cell(field: Field, value: unknown, origin: string): unknown {
  if (value === undefined || value === null) return "";
  const fileLink = (id: unknown) => `${origin}/api/files/${String(id)}`;
  switch (field.type) {
    case "file":
      return Array.isArray(value) ? value.map(fileLink).join(" ") : "";
    case "signature":
      return typeof value === "string" && !value.startsWith("data:") ? fileLink(value) : "(drawn signature)";
    case "dropdown":
    case "radio":
    case "multi_select":
    case "checkbox_group": {
      const labels = new Map(field.options.map((option) => [option.value, option.label]));
      const list = Array.isArray(value) ? value : [value];
      return list.map((item) => labels.get(String(item)) ?? String(item)).join("; ");
    }
    case "yes_no":
      return value === true ? "Yes" : "No";
    default:
      return value;
  }
}

export function submissionsCsv(definition: TFormDefinition, rows: SubmissionRow[], origin: string): string {
  const fields = definition.fields.filter((field) => field.type !== "section");
  const columns = [
    { key: "submittedAt", header: "Submitted at" },
    { key: "submitter", header: "Submitted by" },
    { key: "version", header: "Form version" },
    ...fields.map((field) => ({ key: `f:${field.key}`, header: field.label || field.key })),
  ];
  const records = rows.map((row) => {
    const data = (row.data ?? {}) as Record<string, unknown>;
    const record: Record<string, unknown> = { submittedAt: row.createdAt.toISOString(), submitter: row.executorName, version: row.version };
    for (const field of fields) record[`f:${field.key}`] = cell(field, Object.hasOwn(data, field.key) ? data[field.key] : undefined, origin);
    return record;
  });
  return toCsv(records, columns);
}
