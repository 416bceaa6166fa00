// The builder's palette: every field type, grouped as designers look for them, and the factory that
// turns a palette choice into a new field with sensible defaults and a unique, derived key.
import type { TField, TFieldType, TSubField } from "@/lib/forms/field-types";
import { deriveKey } from "./keys";

export type TPaletteItem = { type: TFieldType; label: string; hint: string };
export type TPaletteGroup = { id: string; title: string; items: TPaletteItem[] };

export const PALETTE: readonly TPaletteGroup[] = [
  {
    id: "basic",
    title: "Basic",
    items: [
      { type: "text", label: "Short text", hint: "One line of text" },
      { type: "textarea", label: "Long text", hint: "Several lines of text" },
      { type: "rich_text", label: "Rich text", hint: "Formatted text" },
      { type: "number", label: "Number", hint: "A number" },
      { type: "currency", label: "Currency", hint: "An amount of money" },
      { type: "email", label: "Email", hint: "An email address" },
      { type: "phone", label: "Phone", hint: "A phone number" },
      { type: "url", label: "Web address", hint: "A URL" },
    ],
  },
  {
    id: "choice",
    title: "Choice",
    items: [
      { type: "dropdown", label: "Dropdown", hint: "Pick one from a list" },
      { type: "radio", label: "Radio buttons", hint: "Pick one, all shown" },
      { type: "multi_select", label: "Multi-select", hint: "Pick several from a list" },
      { type: "checkbox_group", label: "Checkboxes", hint: "Pick several, all shown" },
      { type: "yes_no", label: "Yes / no", hint: "A toggle" },
      { type: "rating", label: "Rating", hint: "Stars from 1 to n" },
    ],
  },
  {
    id: "datetime",
    title: "Date and time",
    items: [
      { type: "date", label: "Date", hint: "A calendar day" },
      { type: "datetime", label: "Date and time", hint: "A moment" },
      { type: "time", label: "Time", hint: "A time of day" },
    ],
  },
  {
    id: "people",
    title: "People",
    items: [
      { type: "user", label: "Person", hint: "Someone in the company" },
      { type: "department", label: "Department", hint: "A department" },
    ],
  },
  {
    id: "files",
    title: "Files",
    items: [
      { type: "file", label: "File upload", hint: "One or more files" },
      { type: "signature", label: "Signature", hint: "Drawn by hand" },
    ],
  },
  { id: "layout", title: "Layout", items: [{ type: "section", label: "Section", hint: "A heading that groups the fields below" }] },
  {
    id: "advanced",
    title: "Advanced",
    items: [
      { type: "repeating_group", label: "Repeating group", hint: "A table of rows" },
      { type: "calculated", label: "Calculated", hint: "A value computed from other fields" },
    ],
  },
];

const LABELS = new Map<string, string>(PALETTE.flatMap((group) => group.items.map((item) => [item.type, item.label])));

/** The palette name of a field type ("currency" → "Currency"). */
export const typeLabel = (type: string) => LABELS.get(type) ?? type;

/** Types a repeating group may hold (everything but layout, groups in groups). */
export const SUB_FIELD_TYPES: readonly TSubField["type"][] = PALETTE.flatMap((group) => group.items.map((item) => item.type)).filter(
  (type): type is TSubField["type"] => type !== "section" && type !== "repeating_group",
);

const twoOptions = () => [
  { value: "option_1", label: "Option 1" },
  { value: "option_2", label: "Option 2" },
];

/** A new field of `type` labelled like its palette item, with a key not in `taken`. */
export function createField(type: TFieldType, taken: ReadonlySet<string>): TField {
  const label = typeLabel(type);
  const key = deriveKey(label, taken);
  switch (type) {
    case "currency":
      return { key, label, type, currency: "USD" };
    case "dropdown":
    case "radio":
    case "multi_select":
    case "checkbox_group":
      return { key, label, type, options: twoOptions() };
    case "rating":
      return { key, label, type, max: 5 };
    case "calculated":
      // "0" rather than empty: a new field must not make the draft unsavable before it is edited.
      return { key, label, type, expression: "0", resultType: "number" };
    case "repeating_group": {
      const itemKey = deriveKey("Item", new Set([...taken, key]));
      return { key, label, type, fields: [{ key: itemKey, label: "Item", type: "text" }], validation: { minRows: 1 } };
    }
    case "section":
      return { key, label, type };
    default:
      return { key, label, type } as TField;
  }
}

/** A new sub-field for a repeating group. */
export function createSubField(type: TSubField["type"], taken: ReadonlySet<string>): TSubField {
  return createField(type, taken) as TSubField;
}
