"use client";

import { FIELD_CONTROLS } from "@/components/forms/fields/field-control";
import type { TFieldControlProps } from "@/components/forms/renderer/types";
import type { TColumn } from "@/lib/tables/columns";
import { columnAsField } from "@/lib/tables/record-values";
import { RecordPicker, type TPicked } from "./record-picker";
import type { TGridContext } from "./types";

/**
 * The input for one column's value: the form field control of the equivalent form field (so a table
 * number and a form number are typed the same way), or the record picker for relations.
 */
export function ValueInput({ column, id, value, onChange, invalid, describedBy, context, autoFocus }: {
  column: TColumn;
  id: string;
  value: unknown;
  onChange: (value: unknown) => void;
  invalid: boolean;
  describedBy?: string;
  context: TGridContext;
  autoFocus?: boolean;
}) {
  if (column.type === "relation") {
    return (
      <RecordPicker
        id={id}
        tableId={column.tableId}
        displayColumn={column.displayColumn}
        value={(value as TPicked[] | undefined) ?? []}
        multiple={column.cardinality === "many"}
        onChange={onChange}
        label={column.label}
        invalid={invalid}
        describedBy={describedBy}
        autoFocus={autoFocus}
      />
    );
  }
  const field = columnAsField(column);
  if (!field) return null;
  const Control = FIELD_CONTROLS[field.type];
  const props: TFieldControlProps = {
    field,
    name: column.key,
    id,
    value,
    onChange,
    onBlur: () => {},
    invalid,
    describedBy,
    disabled: false,
    required: "required" in column && column.required === true,
    context,
    onFileUploaded: () => {},
  };
  return <Control {...props} />;
}
