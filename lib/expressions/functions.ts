// The function registry: one entry per function, with a typed signature for the checker and a total
// implementation for the evaluator. Adding a function is adding an entry here.
import { isNumberLike, isTemporalLike, isTextLike, typeToString, unify } from "./type-rules";
import { addDays, coerceDate, coerceDateTime, daysBetween, parseDate, parseDateTime, todayIn } from "./temporal";
import { t, type Type, type TypedExpr, type Value } from "./types";
import { isEmptyValue } from "./values";

export type EvalContext = { now: Date; timeZone: string };

export type ParamSpec = {
  name: string;
  /** Wording for "Argument 1 of "round" must be …". */
  expects: string;
  accepts: (type: Type) => boolean;
  /** Conversion applied at run time when the argument's static type involves `unknown`. */
  coerce?: Type;
  optional?: boolean;
};

export type FunctionSpec = {
  summary: string;
  params: readonly ParamSpec[];
  returns: Type | ((args: readonly Type[]) => Type);
  /** Constraints across arguments or on literal arguments; returns the problem, if any. */
  check?: (args: readonly TypedExpr[]) => { message: string; arg?: number } | null;
  /** Must be total: arguments may be null or (for unknown data) of another kind than declared. */
  impl: (args: readonly Value[], context: EvalContext) => Value;
};

const ANY = { expects: "a value", accepts: () => true };
const NUMBER = { expects: "a number", accepts: isNumberLike, coerce: t.number };
const TEXT = { expects: "text", accepts: isTextLike, coerce: t.string };
const TEMPORAL = { expects: "a date or datetime", accepts: isTemporalLike, coerce: t.datetime };
const TEXT_OR_LIST = { expects: "text or a list", accepts: (type: Type) => isTextLike(type) || type.kind === "list" };
const TEXT_OR_TEMPORAL = { expects: "text or a date", accepts: (type: Type) => isTextLike(type) || isTemporalLike(type) };
const NUMBER_LIST = {
  expects: "a list of numbers",
  accepts: (type: Type) => type.kind === "unknown" || (type.kind === "list" && isNumberLike(type.element)),
  coerce: t.list(t.number),
};

const num = (value: Value): number | null => (typeof value === "number" && Number.isFinite(value) ? value : null);
const finite = (value: number): number | null => (Number.isFinite(value) ? value : null);
const validDate = (value: Date): Date | null => (Number.isNaN(value.getTime()) ? null : value);

function roundTo(value: number, digits: number): number | null {
  const places = Math.max(-15, Math.min(15, Math.trunc(digits)));
  const factor = 10 ** places;
  // Nudging by one epsilon makes 1.005 round to 1.01 as people expect, despite binary floats.
  const rounded = (Math.sign(value) * Math.round(Math.abs(value) * factor * (1 + Number.EPSILON))) / factor;
  return finite(rounded === 0 ? 0 : rounded);
}

function literalText(arg: TypedExpr): string | null {
  return arg.kind === "literal" && typeof arg.value === "string" ? arg.value : null;
}

export const FUNCTIONS: Readonly<Record<string, FunctionSpec>> = {
  is_empty: { summary: "true for null, blank text, an empty list", params: [{ name: "value", ...ANY }], returns: t.boolean, impl: ([value]) => isEmptyValue(value) },
  is_not_empty: { summary: "the opposite of is_empty", params: [{ name: "value", ...ANY }], returns: t.boolean, impl: ([value]) => !isEmptyValue(value) },
  len: {
    summary: "number of characters of text or items of a list",
    params: [{ name: "value", ...TEXT_OR_LIST }],
    returns: t.number,
    impl: ([value]) => (typeof value === "string" ? Array.from(value).length : Array.isArray(value) ? value.length : null),
  },
  lower: { summary: "lower-case text", params: [{ name: "text", ...TEXT }], returns: t.string, impl: ([text]) => (typeof text === "string" ? text.toLowerCase() : null) },
  upper: { summary: "upper-case text", params: [{ name: "text", ...TEXT }], returns: t.string, impl: ([text]) => (typeof text === "string" ? text.toUpperCase() : null) },
  round: {
    summary: "round half away from zero to `digits` decimals (default 0)",
    params: [{ name: "number", ...NUMBER }, { name: "digits", ...NUMBER, optional: true }],
    returns: t.number,
    impl: ([value, digits]) => {
      const n = num(value);
      const d = digits === undefined ? 0 : num(digits);
      return n === null || d === null ? null : roundTo(n, d);
    },
  },
  min: { summary: "the smaller number", params: [{ name: "a", ...NUMBER }, { name: "b", ...NUMBER }], returns: t.number, impl: ([a, b]) => (num(a) === null || num(b) === null ? null : Math.min(a as number, b as number)) },
  max: { summary: "the larger number", params: [{ name: "a", ...NUMBER }, { name: "b", ...NUMBER }], returns: t.number, impl: ([a, b]) => (num(a) === null || num(b) === null ? null : Math.max(a as number, b as number)) },
  abs: { summary: "absolute value", params: [{ name: "number", ...NUMBER }], returns: t.number, impl: ([n]) => (num(n) === null ? null : Math.abs(n as number)) },
  sum: {
    summary: "total of a list of numbers (e.g. a repeating-group column); empty cells are skipped",
    params: [{ name: "numbers", ...NUMBER_LIST }],
    returns: t.number,
    impl: ([list]) => {
      if (!Array.isArray(list)) return null;
      let total = 0;
      for (const item of list) total += num(item) ?? 0;
      return finite(total);
    },
  },
  today: { summary: "the current date in the evaluation time zone", params: [], returns: t.date, impl: (_, context) => todayIn(context.now, context.timeZone) },
  now: { summary: "the current instant", params: [], returns: t.datetime, impl: (_, context) => (Number.isNaN(context.now.getTime()) ? null : context.now) },
  days_between: {
    summary: "whole days from `from` to `to` (negative when `to` is earlier)",
    params: [{ name: "from", ...TEMPORAL }, { name: "to", ...TEMPORAL }],
    returns: t.number,
    impl: ([from, to]) => (from instanceof Date && to instanceof Date ? finite(daysBetween(from, to)) : null),
  },
  add_days: {
    summary: "the date or datetime `days` days later (earlier when negative)",
    params: [{ name: "date", ...TEMPORAL }, { name: "days", ...NUMBER }],
    returns: ([date]) => (date.kind === "date" ? t.date : t.datetime),
    impl: ([date, days]) => (date instanceof Date && num(days) !== null ? validDate(addDays(date, days as number)) : null),
  },
  date: {
    summary: 'a date from "YYYY-MM-DD" text (or the day of a datetime)',
    params: [{ name: "text", ...TEXT_OR_TEMPORAL }],
    returns: t.date,
    check: ([arg]) => {
      const text = literalText(arg);
      return text !== null && !parseDate(text) ? { message: `"${text}" is not a valid date (expected YYYY-MM-DD)`, arg: 0 } : null;
    },
    impl: ([value]) => coerceDate(value),
  },
  datetime: {
    summary: 'an instant from ISO text such as "2026-01-31T10:00:00Z" (UTC when no offset)',
    params: [{ name: "text", ...TEXT_OR_TEMPORAL }],
    returns: t.datetime,
    check: ([arg]) => {
      const text = literalText(arg);
      return text !== null && !parseDateTime(text) ? { message: `"${text}" is not a valid datetime (expected e.g. 2026-01-31T10:00:00Z)`, arg: 0 } : null;
    },
    impl: ([value]) => coerceDateTime(value),
  },
  coalesce: {
    summary: "the first argument that is not null",
    params: [{ name: "value", ...ANY }, { name: "fallback", ...ANY }],
    returns: ([a, b]) => unify(a, b) ?? t.unknown,
    check: ([a, b]) =>
      unify(a.type, b.type) ? null : { message: `Arguments of "coalesce" must have compatible types, got ${typeToString(a.type)} and ${typeToString(b.type)}` },
    // Non-finite numbers never exist in the language (data conversion drops them); a caller passing
    // one directly gets null rather than an Infinity leaking into arithmetic.
    impl: ([a, b]) => {
      const picked = a === null || a === undefined ? (b ?? null) : a;
      return typeof picked === "number" && !Number.isFinite(picked) ? null : picked;
    },
  },
};

/** The registry entry for `name`, ignoring inherited keys such as "constructor". */
export function lookupFunction(name: string): FunctionSpec | undefined {
  return Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
}
