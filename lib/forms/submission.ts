// Submission validation, derived from a form definition. One code path serves the browser
// (react-hook-form's zodResolver over `submissionSchema`) and the server (the same schema, or
// `validateSubmission`), so both give the same verdict on every input.
//
// Semantics, in evaluation order (fields after the fields their logic reads, see compile.ts):
// - show: a field is visible when its show condition holds (no condition: always) and the section it
//   sits under is visible. Hidden fields are neither validated nor stored — whatever was sent for
//   them is dropped — and conditions reading them see null.
// - disable: a disabled field keeps its previous value (`context.previous`, e.g. the stored
//   submission being edited) or else its default; a sent value is ignored and nothing is validated.
// - calculated fields are recomputed from the other values; a sent value is ignored.
// - sections store nothing; values sent for them are ignored.
// - every other visible field is validated by its checker (field-values.ts): strings trimmed and
//   capped, numbers finite, dates ISO, options among the options, files as file ids…
// - required: `required: true`, or the require condition holding on the final values.
// - logic rules (cross-field asserts) run last, once every field is valid.
// Keys the definition does not have are rejected (`__proto__`, `constructor` included): input is read
// through own-property descriptors only and output objects only ever get the form's own keys, which
// can never be prototype keys (see RESERVED_KEYS). Empty values are not stored.
import { z } from "zod";
import type { EvaluateOptions } from "@/lib/expressions/evaluate";
import { ownValue, toJsonValue } from "@/lib/expressions/values";
import { compileForm, type TCompiledField, type TCompiledForm, type TPath } from "./compile";
import type { TFormDefinition } from "./definition";
import { fieldName, MAX_ROWS } from "./field-types";
import type { TValueContext } from "./field-values";

export type TSubmissionContext = TValueContext & {
  /** Values stored before (the submission being edited): disabled fields keep them. */
  previous?: Readonly<Record<string, unknown>>;
  /** The instant and time zone `today()` / `now()` see in conditions and calculated fields. */
  now?: Date;
  timeZone?: string;
};

export type TSubmissionData = Record<string, unknown>;
/** The values a runtime form holds before validation (react-hook-form's field values). */
export type TSubmissionValues = Record<string, unknown>;
/** Messages by field path ("amount", "items.2.amount"; "" for the whole form). */
export type TFieldErrors = Record<string, string[]>;
export type TSubmissionResult = { ok: true; data: TSubmissionData } | { ok: false; fieldErrors: TFieldErrors };
/** What the runtime form shows: values so far (also when invalid) and which fields are hidden etc. */
export type TFormState = { data: TSubmissionData; hidden: string[]; disabled: string[]; required: string[] };

type Row = Record<string, unknown>;
// A field whose required-ness is decided at the end: where its value went and, in a row, the row.
type Pending = { entry: TCompiledField; out: Row; row: { values: Row; group: TCompiledField } | null; at: TPath };

const MAX_LISTED_KEYS = 5;
const isRecord = (value: unknown): value is Row => typeof value === "object" && value !== null && !Array.isArray(value);
const isEmpty = (value: unknown) => value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0);
const keyOf = (path: TPath) => path.join(".");

function unknownKeysMessage(keys: string[], where: string): string {
  const shown = keys.slice(0, MAX_LISTED_KEYS).map((key) => `"${key.length > 40 ? `${key.slice(0, 40)}…` : key}"`);
  const more = keys.length > MAX_LISTED_KEYS ? ` and ${keys.length - MAX_LISTED_KEYS} more` : "";
  return `Unknown field${keys.length === 1 ? "" : "s"} ${shown.join(", ")}${more}${where}`;
}

class Run {
  readonly errors = new Map<string, { path: TPath; messages: string[] }>();
  readonly data: Row = {};
  readonly hidden: string[] = [];
  readonly disabled: string[] = [];
  readonly required: string[] = [];
  private readonly pending: Pending[] = [];
  private readonly hiddenSections = new Set<TCompiledField>();
  private readonly options: EvaluateOptions;

  constructor(
    private readonly form: TCompiledForm,
    private readonly context: TSubmissionContext,
  ) {
    this.options = { now: context.now, timeZone: context.timeZone };
  }

  fail(path: TPath, message: string): void {
    const key = keyOf(path);
    const existing = this.errors.get(key);
    if (existing) existing.messages.push(message);
    else this.errors.set(key, { path, messages: [message] });
  }

  run(raw: unknown): void {
    if (!isRecord(raw)) return this.fail([], "Send the form's values as an object");
    const unknown = Object.keys(raw).filter((key) => !this.form.keys.has(key));
    if (unknown.length > 0) this.fail([], unknownKeysMessage(unknown, ""));
    const previous = isRecord(this.context.previous) ? this.context.previous : undefined;
    for (const entry of this.form.plan) this.settle(entry, raw, this.data, this.data, previous, []);
    this.checkRequired();
    if (this.errors.size > 0) return;
    for (const rule of this.form.rules) {
      if (!rule.assert.evaluate(this.data, this.options)) this.fail(rule.errorKey === "" ? [] : [rule.errorKey], rule.message);
    }
  }

  // Stores a non-empty value in the output and, when they differ, in the evaluation scope.
  private store(out: Row, scope: Row, key: string, value: unknown): void {
    if (isEmpty(value)) return;
    out[key] = value;
    if (scope !== out) scope[key] = value;
  }

  /**
   * Decides one field: hidden, disabled, calculated, a group, or a validated value. `scope` is what
   * conditions read (the form's settled values, plus the row's in a group); `at` the parent path.
   */
  private settle(entry: TCompiledField, source: Row, out: Row, scope: Row, previous: Row | undefined, at: TPath, group?: TCompiledField): void {
    const { field } = entry;
    // A section is settled before the fields under it (compile.ts orders them so).
    const isHidden = (entry.section && this.hiddenSections.has(entry.section)) || (entry.show && !entry.show.evaluate(scope, this.options));
    if (isHidden) {
      this.hidden.push(keyOf([...at, field.key]));
      if (field.type === "section") this.hiddenSections.add(entry);
      return;
    }
    if (field.type === "section") return;
    if (field.type === "calculated") {
      if (entry.calculate) this.store(out, scope, field.key, toJsonValue(entry.calculate.evaluate(scope, this.options), entry.calculate.type));
      return;
    }
    if (entry.disable?.evaluate(scope, this.options)) {
      this.disabled.push(keyOf([...at, field.key]));
      const kept = previous && Object.hasOwn(previous, field.key) ? ownValue(previous, field.key) : "defaultValue" in field ? field.defaultValue : undefined;
      return this.store(out, scope, field.key, kept);
    }
    if (field.type === "repeating_group") return this.store(out, scope, field.key, this.settleGroup(entry, ownValue(source, field.key), previous, [...at, field.key]));
    const checked = entry.check!(ownValue(source, field.key), this.context);
    if (!checked.ok) return this.fail([...at, field.key], checked.message);
    this.store(out, scope, field.key, checked.value);
    this.pending.push({ entry, out, row: group ? { values: out, group } : null, at });
  }

  /** The evaluation scope of a row: its own values plus the form values its sub-fields read. */
  private rowScope(group: TCompiledField, row: Row): Row {
    const { outerReads } = group.group!;
    if (outerReads.length === 0) return row;
    const scope: Row = {};
    for (const key of outerReads) if (Object.hasOwn(this.data, key)) scope[key] = this.data[key];
    return Object.assign(scope, row);
  }

  private settleGroup(entry: TCompiledField, raw: unknown, previous: Row | undefined, path: TPath): Row[] | undefined {
    const field = entry.field as Extract<TCompiledField["field"], { type: "repeating_group" }>;
    const group = entry.group!;
    const name = fieldName(field);
    const { minRows = 0, maxRows = MAX_ROWS, uniqueWithinGroup = [] } = field.validation ?? {};
    if (raw !== undefined && raw !== null && !Array.isArray(raw)) return void this.fail(path, `${name} must be a list of rows`);
    const rows = (raw ?? []) as unknown[];
    if (rows.length > maxRows) return void this.fail(path, `${name} can have at most ${maxRows} row${maxRows === 1 ? "" : "s"}`);
    if (rows.length < minRows) this.fail(path, `Add at least ${minRows} row${minRows === 1 ? "" : "s"} to ${name}`);
    const previousRows = previous && ownValue(previous, field.key);
    const out: Row[] = [];
    for (let index = 0; index < rows.length; index++) {
      const rawRow = rows[index];
      const rowPath = [...path, index];
      // Problems with a row as a whole are reported on the group (naming the row): react-hook-form
      // cannot hold a message on a row and on the row's fields at once, but it can on a field array.
      if (!isRecord(rawRow)) {
        this.fail(path, `Row ${index + 1} of ${name} must be an object of values`);
        continue;
      }
      const unknown = Object.keys(rawRow).filter((key) => !group.keys.has(key));
      if (unknown.length > 0) this.fail(path, unknownKeysMessage(unknown, ` in row ${index + 1} of ${name}`));
      const rowOut: Row = {};
      // Keys are unique form-wide, so a row's values and the form's never collide in one scope.
      const scope = this.rowScope(entry, rowOut);
      const previousRow = Array.isArray(previousRows) && isRecord(previousRows[index]) ? (previousRows[index] as Row) : undefined;
      for (const sub of group.plan) this.settle(sub, rawRow, rowOut, scope, previousRow, rowPath, entry);
      out.push(rowOut);
    }
    for (const key of uniqueWithinGroup) this.checkUnique(out, key, path, name, group.plan);
    return out;
  }

  private checkUnique(rows: Row[], key: string, path: TPath, groupName: string, plan: TCompiledField[]): void {
    const sub = plan.find((entry) => entry.field.key === key);
    const seen = new Map<string, number>();
    for (const [index, row] of rows.entries()) {
      if (!Object.hasOwn(row, key)) continue;
      const value = row[key];
      const signature = typeof value === "string" ? `s:${value}` : JSON.stringify(value);
      const first = seen.get(signature);
      if (first === undefined) seen.set(signature, index);
      else this.fail([...path, index, key], `${sub ? fieldName(sub.field) : key} must be different in each row of ${groupName} (row ${first + 1} has the same value)`);
    }
  }

  // Required checks run on the final values, so a require condition may read any field.
  private checkRequired(): void {
    for (const { entry, out, row, at } of this.pending) {
      const { field } = entry;
      let isRequired = "required" in field && field.required === true;
      if (!isRequired && entry.require) isRequired = entry.require.evaluate(row ? this.rowScope(row.group, row.values) : this.data, this.options);
      if (!isRequired) continue;
      const path = [...at, field.key];
      this.required.push(keyOf(path));
      if (!Object.hasOwn(out, field.key) && !this.errors.has(keyOf(path))) this.fail(path, `${fieldName(field)} is required`);
    }
  }
}

function execute(form: TCompiledForm, raw: unknown, context: TSubmissionContext): Run {
  const run = new Run(form, context);
  try {
    run.run(raw);
  } catch {
    // Only exotic inputs get here (proxies whose traps throw); JSON and form values never do.
    run.fail([], "The submission could not be read");
  }
  return run;
}

function resultOf(run: Run): TSubmissionResult {
  if (run.errors.size === 0) return { ok: true, data: run.data };
  const fieldErrors: TFieldErrors = {};
  for (const [key, { messages }] of run.errors) fieldErrors[key] = messages;
  return { ok: false, fieldErrors };
}

/** Validates and cleans a submission against a compiled form; never throws. */
export function checkSubmission(form: TCompiledForm, raw: unknown, context: TSubmissionContext = {}): TSubmissionResult {
  return resultOf(execute(form, raw, context));
}

/** Validates and cleans a submission (compiling the definition first); never throws on any `raw`. */
export function validateSubmission(definition: TFormDefinition, raw: unknown, context: TSubmissionContext = {}): TSubmissionResult {
  return checkSubmission(compileForm(definition), raw, context);
}

/** The live state of a form being filled in (for the runtime form and the builder's preview). */
export function evaluateFormState(form: TCompiledForm, raw: unknown, context: TSubmissionContext = {}): TFormState & { result: TSubmissionResult } {
  const run = execute(form, raw, context);
  return { data: run.data, hidden: run.hidden, disabled: run.disabled, required: run.required, result: resultOf(run) };
}

/**
 * The zod schema of a submission to `definition`: use it with react-hook-form's zodResolver in the
 * browser and with safeParse on the server. Output: the cleaned data; issues: one per message, with
 * the field's path. Build it once per definition version and reuse it.
 */
export function submissionSchema(definition: TFormDefinition, context: TSubmissionContext = {}): z.ZodType<TSubmissionData, TSubmissionValues> {
  const form = compileForm(definition);
  const schema = z.unknown().transform((raw, zodContext): TSubmissionData => {
    const run = execute(form, raw, context);
    if (run.errors.size === 0) return run.data;
    for (const { path, messages } of run.errors.values()) for (const message of messages) zodContext.addIssue({ code: "custom", path, message });
    return z.NEVER;
  });
  // Any input is accepted and judged at run time; the input type is what react-hook-form holds.
  // (Not z.record: copying keys into a fresh object is exactly what must not happen to "__proto__".)
  return schema as unknown as z.ZodType<TSubmissionData, TSubmissionValues>;
}
