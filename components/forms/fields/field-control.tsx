"use client";

import type { ComponentType } from "react";
import type { TInputType } from "@/lib/forms/field-types";
import type { TFieldControlProps } from "@/components/forms/renderer/types";
import { MultiChoiceField, RadioField, RatingField, SelectField, YesNoField } from "./choice-fields";
import { FileField } from "./file-field";
import { RichTextField } from "./rich-text-field";
import { SignatureField } from "./signature-field";
import { DateTimeField, TextareaField, TextInputField } from "./text-fields";

// One control per input type; a Record so a new type without a control fails to compile.
export const FIELD_CONTROLS: Record<TInputType, ComponentType<TFieldControlProps>> = {
  text: TextInputField,
  textarea: TextareaField,
  rich_text: RichTextField,
  number: TextInputField,
  currency: TextInputField,
  email: TextInputField,
  phone: TextInputField,
  url: TextInputField,
  date: TextInputField,
  datetime: DateTimeField,
  time: TextInputField,
  dropdown: SelectField,
  radio: RadioField,
  multi_select: MultiChoiceField,
  checkbox_group: MultiChoiceField,
  yes_no: YesNoField,
  rating: RatingField,
  file: FileField,
  signature: SignatureField,
  user: SelectField,
  department: SelectField,
};

/** Types whose control is several inputs, framed by a fieldset and legend rather than one label. */
export const GROUPED_TYPES: ReadonlySet<string> = new Set(["radio", "checkbox_group", "multi_select", "yes_no", "rating"]);
