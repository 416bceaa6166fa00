import type { TInputField } from "@/lib/forms/field-types";

// Shared shapes of the runtime form: what the renderer is given and what each field control gets.

export type TPickerOption = { id: string; label: string; inactive?: boolean };
export type TFileSummary = { originalName: string; mimetype: string; size: number };

/** Data the form needs besides its definition: picker options and names of already stored files. */
export type TRendererContext = {
  users: TPickerOption[];
  departments: TPickerOption[];
  files?: Record<string, TFileSummary>;
};

/** Props of one field control: a controlled value wired to its label, help and error for assistive tech. */
export type TFieldControlProps = {
  field: TInputField;
  /** The react-hook-form path ("amount", "lines.0.quantity"). */
  name: string;
  /** The DOM id of the control (the error summary links here). */
  id: string;
  value: unknown;
  onChange: (value: unknown) => void;
  onBlur: () => void;
  invalid: boolean;
  /** Ids of the help and error texts, for aria-describedby. */
  describedBy?: string;
  disabled: boolean;
  required: boolean;
  context: TRendererContext;
  /** Remembers an uploaded file so the browser can check its type and size as the server will. */
  onFileUploaded: (id: string, file: TFileSummary) => void;
};
