"use client";

import { useEffect, useId, useState } from "react";
import { ConditionEditor, type TConditionField } from "@/components/expressions/condition-editor";
import type { TypeEnv } from "@/lib/expressions/types";
import { keyProblem } from "@/lib/forms/builder/keys";
import { typeLabel } from "@/lib/forms/builder/palette";
import type { TProblem } from "@/lib/forms/builder/problems";
import { CONDITION_KINDS, type TConditionKind } from "@/lib/forms/conditions";
import { isInputField, isOptionField, type TField, type TSubField } from "@/lib/forms/field-types";
import { CheckboxProperty, NumberProperty, PropertySection, TextProperty } from "./property-inputs";
import { ValidationProperties, type TUpdate } from "./validation-properties";

// The property panel of the selected field: label, key (stable; editable only until published),
// placeholder, help, default, required, type-specific validation and the show/require/disable
// conditions, with the problems found for each property shown next to it.

type AnyField = TField | TSubField;

type Props = {
  field: AnyField;
  update: TUpdate;
  onLabel: (label: string) => void;
  onLabelDone: () => void;
  onRenameKey: (key: string) => void;
  takenKeys: ReadonlySet<string>;
  keyFrozen: boolean;
  problems: readonly TProblem[];
  /** What the field's conditions and expression may read: the other fields, typed. */
  conditionFields: readonly TConditionField[];
  env: TypeEnv;
};

const PLACEHOLDER_TYPES = new Set(["text", "textarea", "number", "currency", "email", "phone", "url"]);
const CONDITION_TITLES: Record<TConditionKind, string> = { show: "Show only when…", require: "Required when…", disable: "Disabled when…" };

function conditionKindsOf(field: AnyField): TConditionKind[] {
  if (field.type === "section" || field.type === "calculated") return ["show"];
  if (field.type === "repeating_group") return ["show", "disable"];
  return [...CONDITION_KINDS];
}

export function FieldProperties({ field, update, onLabel, onLabelDone, onRenameKey, takenKeys, keyFrozen, problems, conditionFields, env }: Props) {
  const errorsFor = (property: string) =>
    problems.filter((problem) => (property.endsWith("*") ? problem.property.startsWith(property.slice(0, -1)) : problem.property === property)).map((problem) => problem.message);
  const [keyDraft, setKeyDraft] = useState(field.key);
  useEffect(() => setKeyDraft(field.key), [field.key]);
  const keyError = keyDraft === field.key ? null : keyProblem(keyDraft, takenKeys, field.key);
  const commitKey = () => {
    if (keyDraft !== field.key && !keyError) onRenameKey(keyDraft);
  };
  const input = isInputField(field) ? field : null;
  const conditions = (field as { conditions?: Partial<Record<TConditionKind, { source: string }>> }).conditions ?? {};
  const setCondition = (kind: TConditionKind, source: string) => {
    const next: Record<string, { source: string }> = { ...conditions } as Record<string, { source: string }>;
    if (source.trim() === "") delete next[kind];
    else next[kind] = { source };
    const { conditions: _old, ...rest } = field as AnyField & { conditions?: unknown };
    update((Object.keys(next).length > 0 ? { ...rest, conditions: next } : rest) as AnyField, `condition:${field.key}:${kind}`);
  };
  const unplaced = problems.filter((problem) => !KNOWN_PROPERTY.test(problem.property));

  return (
    <div className="space-y-3" aria-label={`Properties of ${field.label || field.key}`} role="form">
      <div className="flex items-center justify-between gap-2">
        <h2 className="text-sm font-semibold text-slate-900">{typeLabel(field.type)} field</h2>
        {problems.length > 0 ? <span className="rounded bg-red-50 px-1.5 py-0.5 text-xs text-red-700">{problems.length} problem{problems.length === 1 ? "" : "s"}</span> : null}
      </div>
      {unplaced.length > 0 ? (
        <ul role="alert" className="space-y-0.5 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-xs text-red-700">
          {unplaced.map((problem, index) => (
            <li key={index}>{problem.message}</li>
          ))}
        </ul>
      ) : null}
      <PropertySection title="Basics">
        <TextProperty label={field.type === "section" ? "Heading" : "Label"} value={field.label} onChange={onLabel} onBlur={onLabelDone} errors={errorsFor("label")} />
        <TextProperty
          label="Key"
          value={keyDraft}
          onChange={setKeyDraft}
          onBlur={commitKey}
          readOnly={keyFrozen}
          errors={keyError ? [keyError, ...errorsFor("key")] : errorsFor("key")}
          hint={
            keyFrozen ? (
              "Frozen: published versions and their submissions use this key."
            ) : (
              <span className="text-amber-700">Set from the label when the field was created; renaming the label keeps it. Changing it updates this form’s rules, but flows or integrations that use the old key would break. It is frozen once published.</span>
            )
          }
        />
        {input && PLACEHOLDER_TYPES.has(field.type) ? <TextProperty label="Placeholder" value={input.placeholder} onChange={(placeholder) => update({ ...input, placeholder: placeholder || undefined }, `placeholder:${field.key}`)} errors={errorsFor("placeholder")} /> : null}
        <TextProperty label={field.type === "section" ? "Text under the heading" : "Help text"} multiline value={field.help} onChange={(help) => update({ ...field, help: help || undefined }, `help:${field.key}`)} errors={errorsFor("help")} />
        {input ? <DefaultValue field={input} update={update} errors={errorsFor("defaultValue")} /> : null}
        {input ? <CheckboxProperty label="Required" checked={input.required === true} onChange={(required) => update({ ...input, required: required || undefined })} /> : null}
      </PropertySection>
      {field.type !== "section" && !(field.type === "yes_no" || field.type === "signature" || field.type === "user" || field.type === "department") ? (
        <PropertySection title={field.type === "calculated" ? "Calculation" : isOptionField(field) ? "Options and validation" : "Validation"}>
          <ValidationProperties field={field} update={update} errorsFor={errorsFor} env={env} />
        </PropertySection>
      ) : null}
      <PropertySection title="Conditions" defaultOpen={Object.keys(conditions).length > 0}>
        {conditionKindsOf(field).map((kind) => (
          <details key={kind} open={Boolean(conditions[kind]?.source)} className="rounded-md border border-slate-100 px-2 py-1.5">
            <summary className="cursor-pointer text-sm text-slate-700">{CONDITION_TITLES[kind]}</summary>
            <div className="pt-2">
              <ConditionEditor
                label={CONDITION_TITLES[kind].replace("…", "")}
                value={conditions[kind]?.source ?? ""}
                onChange={(source) => setCondition(kind, source)}
                fields={conditionFields}
                errors={errorsFor(`conditions.${kind}`)}
              />
            </div>
          </details>
        ))}
      </PropertySection>
    </div>
  );
}

// Properties this panel shows problems next to; anything else goes to the list at the top.
const KNOWN_PROPERTY = /^(label|key|placeholder|help|defaultValue|currency|decimals|max|expression|options(\..*)?|validation\..+|conditions\.(show|require|disable))$/;

function DefaultValue({ field, update, errors }: { field: Extract<AnyField, { required?: boolean }> & { type: string }; update: TUpdate; errors: string[] }) {
  const value = (field as { defaultValue?: unknown }).defaultValue;
  const set = (defaultValue: unknown) => {
    const { defaultValue: _old, ...rest } = field as AnyField & { defaultValue?: unknown };
    update((defaultValue === undefined || defaultValue === "" ? rest : { ...rest, defaultValue }) as AnyField, `default:${field.key}`);
  };
  if (field.type === "number" || field.type === "currency" || field.type === "rating") {
    return <NumberProperty label="Default value" value={typeof value === "number" ? value : undefined} onChange={set} errors={errors} />;
  }
  if (field.type === "yes_no") {
    return (
      <TextPropertySelect label="Default value" value={value === true ? "true" : value === false ? "false" : ""} options={[["", "None"], ["true", "Yes"], ["false", "No"]]} onChange={(next) => set(next === "" ? undefined : next === "true")} errors={errors} />
    );
  }
  if (field.type === "dropdown" || field.type === "radio") {
    const options = (field as { options: { value: string; label: string }[] }).options;
    return <TextPropertySelect label="Default value" value={typeof value === "string" ? value : ""} options={[["", "None"], ...options.map((option) => [option.value, option.label] as [string, string])]} onChange={(next) => set(next || undefined)} errors={errors} />;
  }
  if (["text", "textarea", "email", "phone", "url", "date", "time", "datetime"].includes(field.type)) {
    return <TextProperty label="Default value" value={typeof value === "string" ? value : ""} onChange={set} errors={errors} placeholder={field.type === "date" ? "YYYY-MM-DD" : undefined} />;
  }
  return null;
}

function TextPropertySelect({ label, value, options, onChange, errors }: { label: string; value: string; options: [string, string][]; onChange: (value: string) => void; errors: string[] }) {
  const id = useId();
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-xs font-medium text-slate-700">
        {label}
      </label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)} className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">
        {options.map(([optionValue, optionLabel]) => (
          <option key={optionValue} value={optionValue}>
            {optionLabel}
          </option>
        ))}
      </select>
      {errors.map((message) => (
        <p key={message} className="text-xs text-red-600">
          {message}
        </p>
      ))}
    </div>
  );
}
