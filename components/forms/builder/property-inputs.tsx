"use client";

import { useId, type ReactNode } from "react";
import { Input, Textarea } from "@/components/ui/inputs";

// Small labelled controls of the property panel, each showing the problems found for its property.

type Base = { label: string; errors?: readonly string[]; hint?: ReactNode };

function Frame({ id, label, errors = [], hint, children }: Base & { id: string; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-xs font-medium text-slate-700">
        {label}
      </label>
      {children}
      {hint && errors.length === 0 ? <p className="text-xs text-slate-500">{hint}</p> : null}
      {errors.map((message, index) => (
        <p key={index} id={index === 0 ? `${id}-error` : undefined} className="text-xs text-red-600">
          {message}
        </p>
      ))}
    </div>
  );
}

export function TextProperty({ label, value, onChange, onBlur, errors, hint, multiline, placeholder, readOnly }: Base & { value: string | undefined; onChange: (value: string) => void; onBlur?: () => void; multiline?: boolean; placeholder?: string; readOnly?: boolean }) {
  const id = useId();
  const props = { id, value: value ?? "", placeholder, readOnly, onBlur, invalid: (errors?.length ?? 0) > 0, errorId: `${id}-error`, className: "text-sm" };
  return (
    <Frame id={id} label={label} errors={errors} hint={hint}>
      {multiline ? <Textarea rows={3} {...props} onChange={(event) => onChange(event.target.value)} /> : <Input {...props} onChange={(event) => onChange(event.target.value)} />}
    </Frame>
  );
}

/** A number box: empty means "not set" (undefined). */
export function NumberProperty({ label, value, onChange, errors, hint, step, min }: Base & { value: number | undefined; onChange: (value: number | undefined) => void; step?: number | "any"; min?: number }) {
  const id = useId();
  return (
    <Frame id={id} label={label} errors={errors} hint={hint}>
      <Input
        id={id}
        type="number"
        step={step ?? "any"}
        min={min}
        value={value ?? ""}
        invalid={(errors?.length ?? 0) > 0}
        errorId={`${id}-error`}
        onChange={(event) => {
          const number = event.target.valueAsNumber;
          onChange(event.target.value === "" || !Number.isFinite(number) ? undefined : number);
        }}
        className="text-sm"
      />
    </Frame>
  );
}

export function CheckboxProperty({ label, checked, onChange, hint }: { label: string; checked: boolean; onChange: (checked: boolean) => void; hint?: string }) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="flex items-center gap-2 text-sm text-slate-700">
        <input id={id} type="checkbox" className="h-4 w-4" checked={checked} onChange={(event) => onChange(event.target.checked)} />
        {label}
      </label>
      {hint ? <p className="ml-6 text-xs text-slate-500">{hint}</p> : null}
    </div>
  );
}

export function SelectProperty<T extends string>({ label, value, options, onChange, errors }: Base & { value: T; options: readonly { value: T; label: string }[]; onChange: (value: T) => void }) {
  const id = useId();
  return (
    <Frame id={id} label={label} errors={errors}>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value as T)} className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm">
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}

/** A titled, collapsible group of properties. */
export function PropertySection({ title, children, defaultOpen = true }: { title: string; children: ReactNode; defaultOpen?: boolean }) {
  return (
    <details open={defaultOpen} className="group rounded-md border border-slate-200">
      <summary className="cursor-pointer select-none px-3 py-2 text-sm font-semibold text-slate-700 hover:bg-slate-50">{title}</summary>
      <div className="space-y-3 border-t border-slate-100 px-3 py-3">{children}</div>
    </details>
  );
}
