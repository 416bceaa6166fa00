// Runtime values: reading data safely, converting it to the declared type, equality, ordering and
// display. Every function here is total: wrong shapes become null, never an exception.
import { coerceDate, coerceDateTime, formatDate, formatDateTime } from "./temporal";
import type { OpaqueRecord, Type, Value } from "./types";

// Bounds recursion into nested arrays of hostile data (arrays of arrays of …).
const MAX_DATA_DEPTH = 64;
const NUMERIC_TEXT = /^\s*-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?\s*$/;

const isRecord = (raw: unknown): raw is OpaqueRecord => typeof raw === "object" && raw !== null && !Array.isArray(raw) && !(raw instanceof Date);

/**
 * Own data property `key` of `target`, else undefined. Never consults the prototype chain (so
 * `__proto__`, `constructor`, `toString` read nothing) and never runs getters.
 */
export function ownValue(target: object, key: string): unknown {
  const descriptor = Object.getOwnPropertyDescriptor(target, key);
  return descriptor && "value" in descriptor ? descriptor.value : undefined;
}

function readFrom(current: unknown, path: readonly string[], index: number, depth: number): unknown {
  if (index === path.length) return current;
  if (depth > MAX_DATA_DEPTH) return undefined;
  // A path crossing a list projects over its items: `items.amount` is the column of amounts; per-item
  // lists are concatenated so `orders.lines.total` is one flat column too.
  if (Array.isArray(current)) {
    const column: unknown[] = [];
    for (const item of current) {
      const value = readFrom(item, path, index, depth + 1);
      if (Array.isArray(value)) for (const inner of value) column.push(inner);
      else column.push(value);
    }
    return column;
  }
  if (!isRecord(current)) return undefined;
  return readFrom(ownValue(current, path[index]), path, index + 1, depth);
}

/** The raw data at `path` (undefined when missing). */
export function readPath(data: unknown, path: readonly string[]): unknown {
  return readFrom(data, path, 0, 0);
}

function sanitize(raw: unknown, depth: number): Value {
  if (raw === null || raw === undefined) return null;
  switch (typeof raw) {
    case "number":
      return Number.isFinite(raw) ? raw : null;
    case "string":
    case "boolean":
      return raw;
    case "object":
      if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? null : raw;
      // Array.from visits holes of sparse arrays (as undefined → null), unlike map.
      if (Array.isArray(raw)) return depth >= MAX_DATA_DEPTH ? null : Array.from(raw, (item) => sanitize(item, depth + 1));
      return raw as OpaqueRecord;
    default:
      return null;
  }
}

/** Converts raw data (or a value of unknown type) to `type`; anything that does not fit becomes null. */
export function coerceToType(raw: unknown, type: Type, depth = 0): Value {
  switch (type.kind) {
    case "unknown":
      return sanitize(raw, depth);
    case "number":
      if (typeof raw === "number") return Number.isFinite(raw) ? raw : null;
      // Decimal columns serialise to strings ("12000.50"); they are numbers for the language.
      if (typeof raw === "string" && NUMERIC_TEXT.test(raw)) return Number(raw);
      return null;
    case "string":
    case "options":
      return typeof raw === "string" ? raw : null;
    case "boolean":
      return typeof raw === "boolean" ? raw : null;
    case "date":
      return coerceDate(raw);
    case "datetime":
      return coerceDateTime(raw);
    case "null":
      return null;
    case "list":
      if (!Array.isArray(raw) || depth >= MAX_DATA_DEPTH) return null;
      return Array.from(raw, (item) => coerceToType(item, type.element, depth + 1));
  }
}

/** Equality: null equals only null; dates by instant; lists item by item; mixed kinds are unequal. */
export function valuesEqual(a: Value, b: Value, depth = 0): boolean {
  if (a === b) return true;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (Array.isArray(a) && Array.isArray(b) && depth < MAX_DATA_DEPTH) {
    return a.length === b.length && a.every((item, i) => valuesEqual(item, b[i], depth + 1));
  }
  return false;
}

/** -1, 0 or 1 for two numbers, two strings or two dates; null when they cannot be ordered. */
export function compareValues(a: Value, b: Value): -1 | 0 | 1 | null {
  let x: number | string;
  let y: number | string;
  if (typeof a === "number" && typeof b === "number") [x, y] = [a, b];
  else if (typeof a === "string" && typeof b === "string") [x, y] = [a, b];
  else if (a instanceof Date && b instanceof Date) [x, y] = [a.getTime(), b.getTime()];
  else return null;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Empty means null, blank text, an empty list or an empty object; 0 and false are values. */
export function isEmptyValue(value: Value): boolean {
  if (value === null) return true;
  if (typeof value === "string") return value.trim() === "";
  if (Array.isArray(value)) return value.length === 0;
  if (isRecord(value)) return Object.keys(value).length === 0;
  return false;
}

/** Source-like display of a value, e.g. 12000, "travel", 2026-01-31, [1, 2]. */
export function formatValue(value: Value, type?: Type, depth = 0): string {
  if (value === null) return "null";
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return "null";
    return type?.kind === "date" ? formatDate(value) : formatDateTime(value);
  }
  if (Array.isArray(value)) {
    if (depth > 3) return "[…]";
    const element = type?.kind === "list" ? type.element : undefined;
    const shown = value.slice(0, 10).map((item) => formatValue(item, element, depth + 1));
    return `[${shown.join(", ")}${value.length > 10 ? `, … ${value.length - 10} more` : ""}]`;
  }
  return "{…}";
}

/** A JSON-safe copy of a result: dates become ISO text ("2026-01-31" for a date). */
export function toJsonValue(value: Value, type: Type): unknown {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : type.kind === "date" ? formatDate(value) : formatDateTime(value);
  if (Array.isArray(value)) return value.map((item) => toJsonValue(item, type.kind === "list" ? type.element : type));
  return value;
}
