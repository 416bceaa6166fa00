"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { Controller, useFieldArray, useForm, type Control } from "react-hook-form";
import { distinctRootError } from "@/components/org/root-error";
import { useActionSubmit } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { ConflictBanner } from "@/components/ui/conflict-banner";
import { Card } from "@/components/ui/card";
import { Field, FormError, Input, Textarea } from "@/components/ui/inputs";
import { updateDatasetAction } from "@/lib/datasets/actions";
import { ZUpdateDataset, type TUpdateDataset } from "@/lib/datasets/schema";
import { slugOfLabel } from "@/lib/tables/keys";
import { DatasetStatusActions } from "./dataset-status-actions";
import { SectionItems } from "./section-items";

type Choice = { id: string; name: string };
type Props = {
  dataset: TUpdateDataset & { status: "DRAFT" | "PUBLISHED" | "ARCHIVED" };
  roles: Choice[];
  departments: Choice[];
  can: { update: boolean; publish: boolean };
};

const SMALL = "rounded px-2 py-1 text-xs text-slate-600 hover:bg-slate-200 disabled:opacity-30";

/** Checkboxes over a list of ids kept as an array; none checked means "everyone". */
function IdPicker({ control, name, legend, choices }: { control: Control<TUpdateDataset>; name: "visibility.roleIds" | "visibility.departmentIds"; legend: string; choices: Choice[] }) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => {
        const chosen = new Set(field.value ?? []);
        return (
          <fieldset className="space-y-1">
            <legend className="text-sm font-medium text-slate-700">{legend}</legend>
            {choices.length === 0 ? <p className="text-sm text-slate-500">None defined.</p> : null}
            {choices.map((choice) => (
              <label key={choice.id} className="flex items-center gap-2 text-sm text-slate-700">
                <input
                  type="checkbox"
                  className="h-4 w-4"
                  checked={chosen.has(choice.id)}
                  onChange={(event) => field.onChange(event.target.checked ? [...chosen, choice.id] : [...chosen].filter((id) => id !== choice.id))}
                />
                {choice.name}
              </label>
            ))}
          </fieldset>
        );
      }}
    />
  );
}

/** The dataset editor: details, sections with their items, who may see it, and its lifecycle. */
export function DatasetEditor({ dataset, roles, departments, can }: Props) {
  const { status, ...values } = dataset;
  const form = useForm<TUpdateDataset>({ resolver: zodResolver(ZUpdateDataset, undefined, { raw: true }), defaultValues: values });
  const sections = useFieldArray({ control: form.control, name: "sections" });
  const [conflict, setConflict] = useState<string | null>(null);
  // Sections added here take their key from the title until the key is edited by hand.
  const [autoKeys, setAutoKeys] = useState<ReadonlySet<string>>(new Set());
  const { submit, pending } = useActionSubmit(form, updateDatasetAction, {
    success: (result) => (result.status === "saved" ? "Dataset saved" : ""),
    onSuccess: (result) => (result.status === "conflict" ? setConflict(result.message) : setConflict(null)),
  });
  const { errors, isDirty } = form.formState;
  const readOnly = !can.update || status === "ARCHIVED";

  const addSection = () => {
    sections.append({ key: "", title: "", items: [] });
    requestAnimationFrame(() => document.getElementById(`section-${sections.fields.length}-title`)?.focus());
  };

  return (
    <div className="space-y-4">
      {conflict ? <ConflictBanner message={conflict} reloadLabel="Reload the dataset" /> : null}
      {status === "ARCHIVED" ? <p className="rounded-md bg-slate-100 px-4 py-2 text-sm text-slate-700">This dataset is archived and read-only. Put it back to draft to edit it.</p> : null}
      {can.publish ? (
        <Card className="flex flex-wrap items-center justify-between gap-3 p-4">
          <p className="text-sm text-slate-600">Forms can use a dataset once it is published.</p>
          <DatasetStatusActions id={dataset.id} status={status} dirty={isDirty} />
        </Card>
      ) : null}
      <form onSubmit={submit} aria-label="Edit dataset" noValidate>
        <fieldset disabled={readOnly} className="space-y-4">
          <FormError message={distinctRootError(errors)} />
          <Card className="grid gap-4 p-4 md:grid-cols-2">
            <Field id="dataset-name" label="Name" error={errors.name?.message}>
              <Input id="dataset-name" invalid={!!errors.name} errorId="dataset-name-error" {...form.register("name")} />
            </Field>
            <Field id="dataset-category" label="Category" error={errors.category?.message}>
              <Input id="dataset-category" {...form.register("category")} />
            </Field>
            <div className="md:col-span-2">
              <Field id="dataset-description" label="Description" error={errors.description?.message}>
                <Textarea id="dataset-description" rows={2} {...form.register("description")} />
              </Field>
            </div>
          </Card>

          <section aria-labelledby="sections-heading" className="space-y-3">
            <h2 id="sections-heading" className="text-lg font-semibold text-slate-900">
              Sections
            </h2>
            {typeof errors.sections?.message === "string" ? <p className="text-sm text-red-600">{errors.sections.message}</p> : null}
            {sections.fields.length === 0 ? <p className="text-sm text-slate-500">No sections yet. A section is one list, e.g. “Expense categories”.</p> : null}
            {sections.fields.map((section, index) => {
              const sectionErrors = errors.sections?.[index];
              const title = form.watch(`sections.${index}.title`);
              return (
                <Card key={section.id} className="space-y-3 p-4">
                  <div className="flex flex-wrap items-end gap-3">
                    <div className="min-w-48 flex-1">
                      <Field id={`section-${index}-title`} label={`Section ${index + 1} title`} error={sectionErrors?.title?.message}>
                        <Input
                          id={`section-${index}-title`}
                          invalid={!!sectionErrors?.title}
                          errorId={`section-${index}-title-error`}
                          {...form.register(`sections.${index}.title`, {
                            onChange: (event: { target: { value: string } }) => {
                              if (autoKeys.has(section.id) || form.getValues(`sections.${index}.key`) === "") {
                                setAutoKeys((current) => new Set(current).add(section.id));
                                form.setValue(`sections.${index}.key`, slugOfLabel(event.target.value, "section"));
                              }
                            },
                          })}
                        />
                      </Field>
                    </div>
                    <div className="w-48">
                      <Field id={`section-${index}-key`} label={`Section ${index + 1} key`} error={sectionErrors?.key?.message}>
                        <Input
                          id={`section-${index}-key`}
                          className="font-mono"
                          invalid={!!sectionErrors?.key}
                          errorId={`section-${index}-key-error`}
                          {...form.register(`sections.${index}.key`, {
                            onChange: () =>
                              setAutoKeys((current) => {
                                const next = new Set(current);
                                next.delete(section.id);
                                return next;
                              }),
                          })}
                        />
                      </Field>
                    </div>
                    <div className="flex gap-1 pb-1">
                      <button type="button" className={SMALL} disabled={index === 0} onClick={() => sections.move(index, index - 1)} aria-label={`Move section ${index + 1} up`}>
                        ↑
                      </button>
                      <button type="button" className={SMALL} disabled={index === sections.fields.length - 1} onClick={() => sections.move(index, index + 1)} aria-label={`Move section ${index + 1} down`}>
                        ↓
                      </button>
                      <button type="button" className={`${SMALL} text-red-700`} onClick={() => sections.remove(index)} aria-label={`Remove section ${index + 1}`}>
                        Remove
                      </button>
                    </div>
                  </div>
                  <SectionItems form={form} sectionIndex={index} sectionTitle={title} />
                </Card>
              );
            })}
            <Button type="button" variant="secondary" onClick={addSection}>
              + Add section
            </Button>
          </section>

          <Card className="space-y-3 p-4">
            <h2 className="text-lg font-semibold text-slate-900">Who can see it</h2>
            <p className="text-sm text-slate-600">Leave both empty for everyone in the company. Otherwise people in any chosen department or role see it (administrators always do).</p>
            <div className="grid gap-4 sm:grid-cols-2">
              <IdPicker control={form.control} name="visibility.departmentIds" legend="Departments" choices={departments} />
              <IdPicker control={form.control} name="visibility.roleIds" legend="Roles" choices={roles} />
            </div>
          </Card>

          {readOnly ? null : (
            <div className="sticky bottom-0 flex items-center justify-end gap-3 border-t border-slate-200 bg-white/95 py-3 backdrop-blur">
              <span role="status" aria-live="polite" className="text-sm text-slate-600">
                {pending ? "Saving…" : isDirty ? "Unsaved changes" : ""}
              </span>
              <Button type="submit" disabled={pending}>
                {pending ? "Saving…" : "Save dataset"}
              </Button>
            </div>
          )}
        </fieldset>
      </form>
    </div>
  );
}
