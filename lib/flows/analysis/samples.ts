// Sample values for one field, built from the constants the conditions compare it with: each constant,
// one value inside every interval between consecutive constants (and beyond the outermost), every
// option, true/false, and "empty" where the field may be missing. Conditions that only compare a field
// with constants are constant on each such region, so trying one value per region decides them exactly.
import { formatDate, formatDateTime } from "@/lib/expressions/temporal";
import type { Type } from "@/lib/expressions/types";

const DAY_MS = 86_400_000;

/** What is known about a field beyond its type: whether it can be missing, its bounds, its wording. */
export type FieldFacts = {
  label?: string;
  /** Optional, required only under a condition, or hidden by a visibility condition: may be missing. */
  canBeEmpty?: boolean;
  /** The show condition (source text) that can hide the field, when it has one (or its section has). */
  hiddenWhen?: string;
  min?: number;
  max?: number;
  integer?: boolean;
};

export type FieldDomain = FieldFacts & { type: Type };

/** A sample value as data holds it (dates as ISO text) — what a submission would store. */
export type SampleValue = number | string | boolean | null;

type Region = { lo: number; loInc: boolean; hi: number; hiInc: boolean };

// A value inside the region, preferring whole numbers (whole days, whole minutes…); null if it is empty.
function pick({ lo, loInc, hi, hiInc }: Region, integer: boolean, steps: readonly number[]): number | null {
  if (lo > hi || (lo === hi && !(loInc && hiInc))) return null;
  if (lo === hi) return integer && !Number.isInteger(lo) ? null : lo;
  if (lo === -Infinity && hi === Infinity) return 0;
  const inside = (v: number) => (v > lo || (loInc && v === lo)) && (v < hi || (hiInc && v === hi));
  for (const step of steps) {
    const v = lo === -Infinity ? (hiInc ? Math.floor(hi / step) : Math.ceil(hi / step) - 1) * step : (loInc ? Math.ceil(lo / step) : Math.floor(lo / step) + 1) * step;
    if (inside(v)) return v;
  }
  return integer ? null : (lo + hi) / 2;
}

/** One value per region of the line cut at `constants`, within [min, max]. */
export function numberSamples(constants: readonly number[], options: { min?: number; max?: number; integer?: boolean; steps?: readonly number[] } = {}): number[] {
  const cuts = [...new Set(constants)].filter(Number.isFinite).sort((a, b) => a - b);
  const min = options.min ?? -Infinity;
  const max = options.max ?? Infinity;
  const steps = options.steps ?? [1];
  const clip = (region: Region): Region => ({
    lo: Math.max(region.lo, min),
    loInc: region.lo < min ? true : region.loInc,
    hi: Math.min(region.hi, max),
    hiInc: region.hi > max ? true : region.hiInc,
  });
  const regions: Region[] = [];
  let previous = -Infinity;
  for (const cut of cuts) {
    regions.push({ lo: previous, loInc: false, hi: cut, hiInc: false }, { lo: cut, loInc: true, hi: cut, hiInc: true });
    previous = cut;
  }
  regions.push({ lo: previous, loInc: false, hi: Infinity, hiInc: false });
  // Constants first: the boundary values make the clearest counter-examples ("Amount = 1,000").
  const ordered = [...regions.filter((r) => r.lo === r.hi), ...regions.filter((r) => r.lo !== r.hi)];
  const values: number[] = [];
  for (const region of ordered) {
    const value = pick(clip(region), options.integer ?? false, steps);
    if (value !== null && !values.includes(value)) values.push(value);
  }
  return values;
}

// A text that none of the constants is, for "any other value".
function otherText(constants: readonly string[]): string {
  let text = "other";
  while (constants.includes(text)) text += "*";
  return text;
}

// Whole days, hours, minutes, seconds, then milliseconds: the roundest instant inside each region.
const DATETIME_STEPS = [DAY_MS, 3_600_000, 60_000, 1000, 1];

/**
 * The sample values of a field of `domain`, given the constants conditions compare it with (numbers for
 * number fields, epoch milliseconds for dates, text for text and options). Null when the field's type
 * is not one this analysis covers.
 */
export function samplesFor(domain: FieldDomain, constants: readonly (number | string | boolean)[]): SampleValue[] | null {
  const empty: SampleValue[] = domain.canBeEmpty ? [null] : [];
  const numbers = constants.filter((c): c is number => typeof c === "number");
  switch (domain.type.kind) {
    case "number":
      return [...numberSamples(numbers, domain), ...empty];
    case "date": {
      const days = numberSamples(numbers.map((ms) => ms / DAY_MS), { integer: true, min: domain.min, max: domain.max });
      return [...days.map((day) => formatDate(new Date(day * DAY_MS))), ...empty];
    }
    case "datetime":
      return [...numberSamples(numbers, { integer: true, steps: DATETIME_STEPS }).map((ms) => formatDateTime(new Date(ms))), ...empty];
    case "boolean":
      return [true, false, ...empty];
    case "options":
      return [...domain.type.options.map((option) => option.value), ...empty];
    case "string": {
      const texts = [...new Set(constants.filter((c): c is string => typeof c === "string"))];
      return [...texts, otherText(texts), ...empty];
    }
    default:
      return null;
  }
}

/** A sample value in words for a person: "1,000", "Travel", "yes", "2026-01-31"; null is "empty". */
export function sampleInWords(value: SampleValue, domain: FieldDomain): string {
  if (value === null) return "empty";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "number") return value.toLocaleString("en-US", { maximumFractionDigits: 10 });
  if (domain.type.kind === "options") return domain.type.options.find((option) => option.value === value)?.label ?? value;
  if (domain.type.kind === "string") return `"${value}"`;
  return value;
}
