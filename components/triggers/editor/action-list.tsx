"use client";

import { useState } from "react";
import { get, useFieldArray } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Select } from "@/components/ui/inputs";
import type { TEditorOptions } from "@/lib/triggers/editor-options";
import { ACTION_TYPES, newAction, type TActionType } from "@/lib/triggers/editor-model";
import { ACTION_LABELS } from "@/lib/triggers/labels";
import { ActionConfig } from "./action-config";
import { useTriggerForm } from "./form-helpers";

/** The ordered actions: added, removed and moved; each with the config form of its type. */
export function ActionList({ options }: { options: TEditorOptions }) {
  const { form } = useTriggerForm();
  const { fields, append, remove, move } = useFieldArray({ control: form.control, name: "actions" });
  const [type, setType] = useState<TActionType>("send_email");
  const at = (path: string) => (get(form.formState.errors, path) as { message?: string } | undefined)?.message;
  const listError = at("actions") ?? at("actions.root");
  return (
    <Card className="space-y-4 p-5">
      <h2 className="text-base font-semibold text-slate-900">Then, in order</h2>
      {listError ? <p className="text-sm text-red-600" role="alert">{listError}</p> : null}
      <ol className="space-y-4">
        {fields.map((field, index) => {
          const label = `Action ${index + 1}: ${ACTION_LABELS[field.type] ?? field.type}`;
          return (
            <li key={field.id}>
              <section aria-label={label} className="space-y-3 rounded-md border border-slate-200 p-4">
                <div className="flex flex-wrap items-center gap-2">
                  <h3 className="mr-auto text-sm font-semibold text-slate-800">{label}</h3>
                  <Button type="button" variant="ghost" className="px-2 py-1 text-xs" disabled={index === 0} onClick={() => move(index, index - 1)} aria-label={`Move action ${index + 1} up`}>
                    ↑ Up
                  </Button>
                  <Button type="button" variant="ghost" className="px-2 py-1 text-xs" disabled={index === fields.length - 1} onClick={() => move(index, index + 1)} aria-label={`Move action ${index + 1} down`}>
                    ↓ Down
                  </Button>
                  <Button type="button" variant="ghost" className="px-2 py-1 text-xs text-red-700" onClick={() => remove(index)} aria-label={`Remove action ${index + 1}`}>
                    Remove
                  </Button>
                </div>
                <ActionConfig index={index} type={field.type} options={options} />
              </section>
            </li>
          );
        })}
      </ol>
      <div className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="trigger-new-action" className="mb-1 block text-xs font-medium text-slate-600">Action type</label>
          <Select id="trigger-new-action" value={type} onChange={(event) => setType(event.target.value as TActionType)}>
            {ACTION_TYPES.map((candidate) => (
              <option key={candidate} value={candidate}>{ACTION_LABELS[candidate]}</option>
            ))}
          </Select>
        </div>
        <Button type="button" variant="secondary" onClick={() => append(newAction(type))}>
          + Add action
        </Button>
      </div>
    </Card>
  );
}
