"use client";

import { useId, useState } from "react";
import { cn } from "@/components/ui/cn";
import type { TFieldControlProps, TPickerOption } from "@/components/forms/renderer/types";
import { controlClass } from "./field-shell";
import { useSourcedOptions } from "./sourced-options";

// Choices: dropdown (searchable past 10 options), radios, checkboxes / multi-select, yes/no and
// star rating — all native inputs, so keyboard and screen-reader behaviour come for free.

const SEARCH_THRESHOLD = 10;
type Option = { value: string; label: string };

function optionsOf(props: TFieldControlProps, sourced?: { options: Option[] } | null): Option[] {
  const { field, context } = props;
  if (sourced) return sourced.options;
  if (field.type === "user") return context.users.map((user: TPickerOption) => ({ value: user.id, label: user.inactive ? `${user.label} (inactive)` : user.label }));
  if (field.type === "department") return context.departments.map((department) => ({ value: department.id, label: department.label }));
  return "options" in field ? field.options : [];
}

/** Dropdown, user picker and department picker: a native select, with a filter box for long lists. */
export function SelectField(props: TFieldControlProps) {
  const { id, value, onChange, onBlur, invalid, describedBy, disabled, required, field } = props;
  const [query, setQuery] = useState("");
  const searchId = useId();
  const sourced = useSourcedOptions(field, query);
  const options = optionsOf(props, sourced);
  const needle = query.trim().toLowerCase();
  // Data-backed options are searched on the server; the others are filtered here. The chosen option
  // stays listed while filtering, or the select would silently show another.
  const filtered = sourced ? options : needle ? options.filter((option) => option.value === value || option.label.toLowerCase().includes(needle)) : options;
  const shown = typeof value === "string" && value && !filtered.some((option) => option.value === value) ? [{ value, label: options.find((option) => option.value === value)?.label ?? value }, ...filtered] : filtered;
  const searchable = !disabled && (sourced !== null || options.length > SEARCH_THRESHOLD);
  return (
    <div className="space-y-1.5">
      {searchable ? (
        <div>
          <label htmlFor={searchId} className="sr-only">
            Search {field.label || "options"}
          </label>
          <input id={searchId} type="search" value={query} onChange={(event) => setQuery(event.target.value)} placeholder="Type to filter the list…" className={controlClass(false, "py-1.5")} />
        </div>
      ) : null}
      <select
        id={id}
        value={typeof value === "string" ? value : ""}
        onChange={(event) => onChange(event.target.value)}
        onBlur={onBlur}
        disabled={disabled}
        aria-required={required || undefined}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        aria-busy={sourced?.loading || undefined}
        className={controlClass(invalid, "bg-white")}
      >
        <option value="">{("placeholder" in field && field.placeholder) || "Choose…"}</option>
        {shown.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <SourceStatus sourced={sourced} query={needle} shownCount={shown.length} />
    </div>
  );
}

/** What a data-backed list says about itself: loading, failed, nothing found, or "refine to see more". */
function SourceStatus({ sourced, query, shownCount }: { sourced: ReturnType<typeof useSourcedOptions>; query: string; shownCount: number }) {
  if (!sourced) return query && shownCount === 0 ? <p className="text-xs text-slate-500">No option matches “{query}”.</p> : null;
  const text = sourced.failed
    ? "The options could not be loaded; try again."
    : sourced.loading
      ? "Loading options…"
      : shownCount === 0
        ? query
          ? `No option matches “${query}”.`
          : "There are no options yet."
        : sourced.truncated
          ? "More options exist: type to narrow the list."
          : null;
  return text ? (
    <p className="text-xs text-slate-500" aria-live="polite">
      {text}
    </p>
  ) : null;
}

export function RadioField(props: TFieldControlProps) {
  const { id, value, onChange, onBlur, invalid, disabled, field } = props;
  const sourced = useSourcedOptions(field, "");
  return (
    <div className="space-y-1">
      <SourceStatus sourced={sourced} query="" shownCount={optionsOf(props, sourced).length} />
      {optionsOf(props, sourced).map((option, index) => (
        <label key={option.value} className="flex min-h-9 items-center gap-2 text-sm text-slate-800">
          <input
            id={index === 0 ? id : undefined}
            type="radio"
            name={`${id}-${field.key}`}
            value={option.value}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
            onBlur={onBlur}
            disabled={disabled}
            aria-invalid={invalid || undefined}
            className="h-4 w-4 accent-[var(--brand)]"
          />
          {option.label}
        </label>
      ))}
    </div>
  );
}

/** Checkbox group and multi-select (a scrollable, filterable checkbox list). */
export function MultiChoiceField(props: TFieldControlProps) {
  const { id, value, onChange, onBlur, invalid, disabled, field } = props;
  const [query, setQuery] = useState("");
  const chosen = Array.isArray(value) ? (value as string[]) : [];
  const sourced = useSourcedOptions(field, query);
  const options = optionsOf(props, sourced);
  const needle = query.trim().toLowerCase();
  // Chosen values stay listed (and tickable off) whatever the search shows.
  const matching = sourced ? options : needle ? options.filter((option) => option.label.toLowerCase().includes(needle)) : options;
  const shown = [...chosen.filter((item) => !matching.some((option) => option.value === item)).map((item) => ({ value: item, label: options.find((option) => option.value === item)?.label ?? item })), ...matching];
  const toggle = (option: string, on: boolean) => onChange(on ? [...chosen, option] : chosen.filter((item) => item !== option));
  const isMulti = field.type === "multi_select";
  return (
    <div className="space-y-1.5">
      <SourceStatus sourced={sourced} query={needle} shownCount={shown.length} />
      {(isMulti || sourced) && (sourced !== null || options.length > SEARCH_THRESHOLD) ? (
        <input type="search" aria-label={`Search ${field.label || "options"}`} value={query} onChange={(event) => setQuery(event.target.value)} placeholder="Type to filter…" className={controlClass(false, "py-1.5")} />
      ) : null}
      <div className={cn("space-y-1", isMulti && "max-h-56 overflow-y-auto rounded-md border border-slate-200 p-2")}>
        {shown.map((option, index) => (
          <label key={option.value} className="flex min-h-9 items-center gap-2 text-sm text-slate-800">
            <input
              id={index === 0 ? id : undefined}
              type="checkbox"
              checked={chosen.includes(option.value)}
              onChange={(event) => toggle(option.value, event.target.checked)}
              onBlur={onBlur}
              disabled={disabled}
              aria-invalid={invalid || undefined}
              className="h-4 w-4 accent-[var(--brand)]"
            />
            {option.label}
          </label>
        ))}
      </div>
      {isMulti && chosen.length > 0 ? <p className="text-xs text-slate-500">{chosen.length} selected</p> : null}
    </div>
  );
}

export function YesNoField({ id, value, onChange, onBlur, invalid, disabled, field }: TFieldControlProps) {
  const choices: [string, boolean][] = [
    ["Yes", true],
    ["No", false],
  ];
  return (
    <div className="flex gap-2">
      {choices.map(([label, flag], index) => (
        <label
          key={label}
          className={cn(
            "flex min-h-10 min-w-20 cursor-pointer items-center justify-center gap-2 rounded-md border px-4 text-sm has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand",
            value === flag ? "border-brand bg-blue-50 font-medium text-brand" : "border-slate-300 bg-white text-slate-700",
            disabled && "cursor-not-allowed opacity-60",
          )}
        >
          <input
            id={index === 0 ? id : undefined}
            type="radio"
            name={`${id}-${field.key}`}
            className="sr-only"
            checked={value === flag}
            onChange={() => onChange(flag)}
            onBlur={onBlur}
            disabled={disabled}
            aria-invalid={invalid || undefined}
          />
          {label}
        </label>
      ))}
    </div>
  );
}

/** Stars as a radio group: arrow keys move between ratings, the label says "3 of 5 stars". */
export function RatingField({ id, value, onChange, onBlur, invalid, disabled, field }: TFieldControlProps) {
  const max = field.type === "rating" ? (field.max ?? 5) : 5;
  const current = typeof value === "number" ? value : Number(value) || 0;
  return (
    <div className="flex flex-wrap items-center gap-1">
      {Array.from({ length: max }, (_, index) => index + 1).map((rating) => (
        <label key={rating} className={cn("cursor-pointer rounded text-3xl leading-none has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand", disabled && "cursor-not-allowed opacity-60")}>
          <input
            id={rating === 1 ? id : undefined}
            type="radio"
            name={`${id}-${field.key}`}
            className="sr-only"
            checked={current === rating}
            onChange={() => onChange(rating)}
            onBlur={onBlur}
            disabled={disabled}
            aria-invalid={invalid || undefined}
          />
          <span aria-hidden="true" className={rating <= current ? "text-amber-500" : "text-slate-300"}>
            ★
          </span>
          <span className="sr-only">
            {rating} of {max} stars
          </span>
        </label>
      ))}
      {current > 0 && !disabled ? (
        <button type="button" onClick={() => onChange(null)} className="ml-2 text-xs text-slate-500 underline">
          Clear rating
        </button>
      ) : null}
    </div>
  );
}
