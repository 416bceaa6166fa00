"use client";

import type { TFieldControlProps } from "@/components/forms/renderer/types";
import { controlClass } from "./field-shell";

// Single-value inputs. Values stay as the text typed (numbers too): the shared validator parses
// them, so the browser and the server judge exactly the same thing.

const INPUT_TYPE: Record<string, string> = { text: "text", email: "email", phone: "tel", url: "url", number: "text", currency: "text", date: "date", time: "time" };
const INPUT_MODE: Record<string, "decimal" | "email" | "tel" | "url" | undefined> = { number: "decimal", currency: "decimal", email: "email", phone: "tel", url: "url" };
const AUTOCOMPLETE: Record<string, string> = { email: "email", phone: "tel", url: "url" };

const asText = (value: unknown) => (value === undefined || value === null ? "" : String(value));

export function TextInputField({ field, id, value, onChange, onBlur, invalid, describedBy, disabled, required }: TFieldControlProps) {
  const input = (
    <input
      id={id}
      name={id}
      type={INPUT_TYPE[field.type] ?? "text"}
      inputMode={INPUT_MODE[field.type]}
      autoComplete={AUTOCOMPLETE[field.type] ?? "off"}
      value={asText(value)}
      onChange={(event) => onChange(event.target.value)}
      onBlur={onBlur}
      disabled={disabled}
      aria-required={required || undefined}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      placeholder={"placeholder" in field ? field.placeholder : undefined}
      className={controlClass(invalid, field.type === "currency" ? "pr-14" : undefined)}
    />
  );
  if (field.type !== "currency") return input;
  // The currency code sits inside the box, and is part of the accessible description too.
  return (
    <div className="relative">
      {input}
      <span className="pointer-events-none absolute inset-y-0 right-3 flex items-center text-sm font-medium text-slate-500">{field.currency}</span>
    </div>
  );
}

export function TextareaField({ field, id, value, onChange, onBlur, invalid, describedBy, disabled, required }: TFieldControlProps) {
  return (
    <textarea
      id={id}
      rows={4}
      value={asText(value)}
      onChange={(event) => onChange(event.target.value)}
      onBlur={onBlur}
      disabled={disabled}
      aria-required={required || undefined}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      placeholder={"placeholder" in field ? field.placeholder : undefined}
      className={controlClass(invalid)}
    />
  );
}

const pad = (n: number) => String(n).padStart(2, "0");

/** ISO with offset → the local "YYYY-MM-DDTHH:MM" a datetime-local input shows. */
function toLocalInput(value: unknown): string {
  if (typeof value !== "string" || value === "") return "";
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return "";
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The datetime field stores an instant with an offset; the browser's input gives local time. */
export function DateTimeField({ id, value, onChange, onBlur, invalid, describedBy, disabled, required }: TFieldControlProps) {
  return (
    <input
      id={id}
      type="datetime-local"
      value={toLocalInput(value)}
      onChange={(event) => {
        const local = event.target.value;
        const date = local ? new Date(local) : null;
        onChange(date && !Number.isNaN(date.getTime()) ? date.toISOString() : "");
      }}
      onBlur={onBlur}
      disabled={disabled}
      aria-required={required || undefined}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      className={controlClass(invalid)}
    />
  );
}
