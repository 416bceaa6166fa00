// Strict ISO-8601 dates and datetimes. A date is a JS Date at UTC midnight; a datetime without an
// offset is read as UTC so the same text means the same instant on every server.
const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

function utc(year: number, month: number, day: number): Date | null {
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
  date.setUTCFullYear(year, month - 1, day);
  const valid = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return valid ? date : null;
}

/** "2026-01-31" → that day at UTC midnight, or null for anything else (including 2026-02-30). */
export function parseDate(text: string): Date | null {
  const match = DATE.exec(text);
  return match ? utc(Number(match[1]), Number(match[2]), Number(match[3])) : null;
}

/** ISO datetime ("2026-01-31T10:00:00Z", offset optional, defaults to UTC) or a plain date → instant. */
export function parseDateTime(text: string): Date | null {
  const plain = parseDate(text);
  if (plain) return plain;
  const match = DATETIME.exec(text);
  if (!match) return null;
  const [, year, month, day, hour, minute, second = "0", fraction = "", zone = "Z"] = match;
  const base = utc(Number(year), Number(month), Number(day));
  if (!base || Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return null;
  let offsetMinutes = 0;
  if (zone.toUpperCase() !== "Z") {
    const digits = zone.slice(1).replace(":", "");
    const hours = Number(digits.slice(0, 2));
    const minutes = Number(digits.slice(2) || "0");
    if (hours > 23 || minutes > 59) return null;
    offsetMinutes = (zone[0] === "-" ? -1 : 1) * (hours * 60 + minutes);
  }
  const millis = Math.floor(Number(`0.${fraction || "0"}`) * 1000);
  const ms = base.getTime() + ((Number(hour) * 60 + Number(minute)) * 60 + Number(second)) * 1000 + millis - offsetMinutes * 60_000;
  const result = new Date(ms);
  return Number.isNaN(result.getTime()) ? null : result;
}

const isValidDate = (value: unknown): value is Date => value instanceof Date && !Number.isNaN(value.getTime());

/** The UTC calendar day of an instant. */
export function toDateOnly(value: Date): Date {
  return new Date(Math.floor(value.getTime() / DAY_MS) * DAY_MS);
}

/** Reads a date from data: an ISO date or datetime string (its UTC day) or a Date object. */
export function coerceDate(raw: unknown): Date | null {
  if (isValidDate(raw)) return toDateOnly(raw);
  if (typeof raw !== "string") return null;
  const instant = parseDateTime(raw.trim());
  return instant ? toDateOnly(instant) : null;
}

/** Reads a datetime from data: an ISO datetime or date string, or a Date object. */
export function coerceDateTime(raw: unknown): Date | null {
  if (isValidDate(raw)) return raw;
  return typeof raw === "string" ? parseDateTime(raw.trim()) : null;
}

export const formatDate = (value: Date) => value.toISOString().slice(0, 10);
export const formatDateTime = (value: Date) => value.toISOString();

/** Whole days from a to b (negative when b is earlier); datetimes count by their UTC day. */
export const daysBetween = (a: Date, b: Date) => Math.round((toDateOnly(b).getTime() - toDateOnly(a).getTime()) / DAY_MS);

export const addDays = (value: Date, days: number) => new Date(value.getTime() + Math.trunc(days) * DAY_MS);

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Whether Intl knows the IANA time zone name. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The calendar day of `now` in `timeZone` (already validated), as a date value. */
export function todayIn(now: Date, timeZone: string): Date | null {
  if (!isValidDate(now)) return null;
  if (timeZone === "UTC") return toDateOnly(now);
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    if (!isValidTimeZone(timeZone)) return null;
    formatter = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    formatters.set(timeZone, formatter);
  }
  try {
    const parts = Object.fromEntries(formatter.formatToParts(now).map((part) => [part.type, part.value]));
    return utc(Number(parts.year), Number(parts.month), Number(parts.day));
  } catch {
    return null;
  }
}
