import { z } from "zod";

// Datasets: the company's sectioned reference data (e.g. "Expense categories" with its items), which
// form fields can take their options from. One zod schema per input, shared by the browser form, the
// server actions and the REST routes.

const ZId = z.uuid("Not a valid id");
const ZKey = z.string().trim().regex(/^[a-z][a-z0-9_]{0,62}$/, "A key starts with a lower-case letter and has only a–z, 0–9 and _");

export const ZDatasetItem = z.strictObject({
  value: z.string().trim().min(1, "An item needs a value").max(200, "At most 200 characters"),
  label: z.string().trim().min(1, "An item needs a label").max(200, "At most 200 characters"),
});

export const ZDatasetSection = z
  .strictObject({
    key: ZKey,
    title: z.string().trim().min(1, "A section needs a title").max(200, "At most 200 characters"),
    items: z.array(ZDatasetItem).max(10_000, "At most 10,000 items per section"),
  })
  .superRefine((section, context) => {
    const seen = new Set<string>();
    section.items.forEach((item, index) => {
      if (seen.has(item.value)) context.addIssue({ code: "custom", path: ["items", index, "value"], message: `The value "${item.value}" is listed twice` });
      seen.add(item.value);
    });
  });
export type TDatasetSection = z.output<typeof ZDatasetSection>;

export const ZDatasetSections = z
  .array(ZDatasetSection)
  .max(50, "At most 50 sections")
  .superRefine((sections, context) => {
    const seen = new Set<string>();
    sections.forEach((section, index) => {
      if (seen.has(section.key)) context.addIssue({ code: "custom", path: [index, "key"], message: `The key "${section.key}" is already used` });
      seen.add(section.key);
    });
  });

/** Who may read a dataset: empty lists mean everyone in the company. */
export const ZDatasetVisibility = z.strictObject({
  roleIds: z.array(ZId).max(200).default([]),
  departmentIds: z.array(ZId).max(200).default([]),
});
export type TDatasetVisibility = z.output<typeof ZDatasetVisibility>;

const fields = {
  name: z.string().trim().min(1, "Give the dataset a name").max(200, "At most 200 characters"),
  description: z.string().trim().max(2_000, "At most 2,000 characters").optional().transform((value) => value || null),
  category: z.string().trim().max(100, "At most 100 characters").optional().transform((value) => value || null),
  sections: ZDatasetSections,
  visibility: ZDatasetVisibility.default({ roleIds: [], departmentIds: [] }),
};

export const ZCreateDataset = z.object(fields);
export type TCreateDataset = z.input<typeof ZCreateDataset>;

export const ZUpdateDataset = z.object({ id: ZId, ...fields, expectedUpdatedAt: z.iso.datetime().optional() });
export type TUpdateDataset = z.input<typeof ZUpdateDataset>;

export const ZDatasetStatusChange = z.object({ id: ZId, status: z.enum(["DRAFT", "PUBLISHED", "ARCHIVED"]) });
export type TDatasetStatusChange = z.input<typeof ZDatasetStatusChange>;
