import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

// The frame of every runtime field: label (or legend for a group of controls), required marker,
// help text and error, with ids the control points at through aria-describedby.

export const CONTROL =
  "block w-full rounded-md border px-3 py-2 text-base shadow-sm focus:border-brand focus:outline-none focus:ring-1 focus:ring-brand disabled:cursor-not-allowed disabled:bg-slate-100 sm:text-sm";
export const controlClass = (invalid: boolean, extra?: string) => cn(CONTROL, invalid ? "border-red-500" : "border-slate-300", extra);

export const helpId = (id: string) => `${id}-help`;
export const errorId = (id: string) => `${id}-error`;

export function describedBy(id: string, hasHelp: boolean, hasError: boolean): string | undefined {
  return [hasHelp ? helpId(id) : null, hasError ? errorId(id) : null].filter(Boolean).join(" ") || undefined;
}

type ShellProps = {
  id: string;
  label: string;
  help?: string;
  error?: string;
  required: boolean;
  /** A group of controls (radios, checkboxes, stars): a fieldset with a legend instead of a label. */
  isGroup?: boolean;
  children: ReactNode;
};

function Marker({ required }: { required: boolean }) {
  return required ? (
    <span className="ml-0.5 text-red-600" aria-hidden="true">
      *
    </span>
  ) : null;
}

export function FieldShell({ id, label, help, error, required, isGroup, children }: ShellProps) {
  const text = (
    <>
      {label}
      <Marker required={required} />
      {required ? <span className="sr-only"> (required)</span> : null}
    </>
  );
  const after = (
    <>
      {help ? (
        <p id={helpId(id)} className="text-xs text-slate-500">
          {help}
        </p>
      ) : null}
      {error ? (
        <p id={errorId(id)} className="text-sm text-red-600">
          {error}
        </p>
      ) : null}
    </>
  );
  if (isGroup) {
    return (
      <fieldset className="space-y-1.5" aria-describedby={describedBy(id, Boolean(help), Boolean(error))}>
        <legend className="mb-1 text-sm font-medium text-slate-700">{text}</legend>
        {children}
        {after}
      </fieldset>
    );
  }
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {text}
      </label>
      {children}
      {after}
    </div>
  );
}
