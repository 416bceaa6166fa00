"use client";

import { useFieldArray, useWatch, type UseFormReturn } from "react-hook-form";
import { PasteBox } from "@/components/ui/paste-box";
import { cn } from "@/components/ui/cn";
import { duplicateValues, parseItemsPaste } from "@/lib/datasets/items-paste";
import type { TUpdateDataset } from "@/lib/datasets/schema";

const CELL = "block w-full rounded-md border px-2 py-1 text-sm";
const SMALL = "rounded px-1.5 py-0.5 text-xs text-slate-600 hover:bg-slate-200 disabled:opacity-30";

/** The items of one section: a table of value/label rows (add, remove, reorder) and a bulk paste box. */
export function SectionItems({ form, sectionIndex, sectionTitle }: { form: UseFormReturn<TUpdateDataset>; sectionIndex: number; sectionTitle: string }) {
  const name = `sections.${sectionIndex}.items` as const;
  const items = useFieldArray({ control: form.control, name });
  const watched = useWatch({ control: form.control, name }) ?? [];
  const duplicates = duplicateValues(watched);
  const errors = form.formState.errors.sections?.[sectionIndex]?.items;

  const addPasted = (text: string) => {
    const result = parseItemsPaste(text, watched.map((item) => item.value.trim()));
    items.append(result.items);
    return result.problems;
  };

  return (
    <div className="space-y-2">
      {items.fields.length === 0 ? <p className="text-sm text-slate-500">No items yet.</p> : null}
      {items.fields.length ? (
        <table className="w-full text-sm">
          <caption className="sr-only">Items of {sectionTitle || `section ${sectionIndex + 1}`}</caption>
          <thead>
            <tr className="text-left text-xs uppercase tracking-wide text-slate-500">
              <th scope="col" className="w-10 py-1 font-medium">#</th>
              <th scope="col" className="py-1 pr-2 font-medium">Value</th>
              <th scope="col" className="py-1 pr-2 font-medium">Label</th>
              <th scope="col" className="py-1">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.fields.map((field, index) => {
              const value = watched[index]?.value?.trim() ?? "";
              const duplicate = value !== "" && duplicates.has(value);
              const valueError = errors?.[index]?.value?.message ?? (duplicate ? `"${value}" is listed twice` : undefined);
              const labelError = errors?.[index]?.label?.message;
              const valueId = `section-${sectionIndex}-item-${index}-value`;
              const labelId = `section-${sectionIndex}-item-${index}-label`;
              return (
                <tr key={field.id} className="align-top">
                  <td className="py-1 text-xs tabular-nums text-slate-400">{index + 1}</td>
                  <td className="py-1 pr-2">
                    <input
                      id={valueId}
                      aria-label={`Item ${index + 1} value`}
                      aria-invalid={valueError ? true : undefined}
                      aria-describedby={valueError ? `${valueId}-error` : undefined}
                      className={cn(CELL, "font-mono", valueError ? "border-red-500" : "border-slate-300")}
                      {...form.register(`${name}.${index}.value`)}
                    />
                    {valueError ? (
                      <p id={`${valueId}-error`} className="text-xs text-red-600">
                        {valueError}
                      </p>
                    ) : null}
                  </td>
                  <td className="py-1 pr-2">
                    <input
                      id={labelId}
                      aria-label={`Item ${index + 1} label`}
                      aria-invalid={labelError ? true : undefined}
                      aria-describedby={labelError ? `${labelId}-error` : undefined}
                      className={cn(CELL, labelError ? "border-red-500" : "border-slate-300")}
                      {...form.register(`${name}.${index}.label`)}
                    />
                    {labelError ? (
                      <p id={`${labelId}-error`} className="text-xs text-red-600">
                        {labelError}
                      </p>
                    ) : null}
                  </td>
                  <td className="whitespace-nowrap py-1 text-right">
                    <button type="button" className={SMALL} disabled={index === 0} onClick={() => items.move(index, index - 1)} aria-label={`Move item ${index + 1} up`}>
                      ↑
                    </button>
                    <button type="button" className={SMALL} disabled={index === items.fields.length - 1} onClick={() => items.move(index, index + 1)} aria-label={`Move item ${index + 1} down`}>
                      ↓
                    </button>
                    <button type="button" className={cn(SMALL, "hover:text-red-600")} onClick={() => items.remove(index)} aria-label={`Remove item ${index + 1}`}>
                      ✕
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      {typeof errors?.message === "string" ? <p className="text-sm text-red-600">{errors.message}</p> : null}
      <button type="button" className="text-sm font-medium text-brand hover:underline" onClick={() => items.append({ value: "", label: "" })}>
        + Add item
      </button>
      <PasteBox id={`section-${sectionIndex}-paste`} label="Paste items, one per line as value|Label (a line with only a label derives its value)" addLabel="Add pasted items" mono onPaste={addPasted} />
    </div>
  );
}
