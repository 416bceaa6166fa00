// One checker per input field: raw submitted value → normalised value, "empty", or a human message.
// The same checkers validate submissions (browser and server) and default values in definitions.
// Every checker is total: hostile values (wrong types, 10 MB strings, nested junk) give a message.
import { parseDate, parseDateTime } from "@/lib/expressions/temporal";
import { fieldName, TEXT_CAPS, type TInputField, type TOptionField } from "./field-types";
import { compilePattern, patternProblem } from "./pattern";
import { richTextToPlainText, sanitizeRichText } from "./rich-text";
import { isUuid } from "@/lib/ids";

export type TFileInfo = { mimeType: string; sizeBytes: number };

export type TValueContext = {
  /** Allowed values of an option field whose options come from a dataset or table; null = not known. */
  allowedOptions?: (field: TOptionField) => readonly string[] | null | undefined;
  /** The stored file behind an id (null when there is none); enables type and size checks. */
  fileInfo?: (id: string) => TFileInfo | null | undefined;
};

/** `value: undefined` means empty (nothing entered); empty values are not stored. */
export type TValueCheck = { ok: true; value: unknown } | { ok: false; message: string };
export type TValueChecker = (raw: unknown, context: TValueContext) => TValueCheck;

const EMPTY: TValueCheck = { ok: true, value: undefined };
const fail = (message: string): TValueCheck => ({ ok: false, message });
const ok = (value: unknown): TValueCheck => ({ ok: true, value });

// Raw text may carry this much surrounding whitespace before it counts as too long; past it, the
// value is refused before any trimming or pattern work, so a 10 MB string costs one length check.
const TRIM_SLACK = 1_000;
const RICH_TEXT_INPUT_CAP = TEXT_CAPS.rich_text * 4;
const SIGNATURE_CAP = 700_000;
const DEFAULT_MAX_FILES = 10;
const NUMERIC = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const EMAIL = /^[^\s@"(),:;<>[\]\\]{1,64}@[^\s@"(),:;<>[\]\\_]+\.[^\s@"(),:;<>[\]\\_]{2,}$/;
const PHONE = /^\+?[\d\s().-]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d)?$/;
const PNG_DATA_URL = /^data:image\/png;base64,iVBORw0KGgo[A-Za-z0-9+/]*={0,2}$/;

const isBlank = (raw: unknown) => raw === undefined || raw === null || (typeof raw === "string" && raw.trim() === "");
const plural = (count: number, noun: string) => `${count.toLocaleString("en-US")} ${noun}${count === 1 ? "" : "s"}`;

function isUrl(text: string): boolean {
  if (!/^https?:\/\//i.test(text) || /\s/.test(text)) return false;
  try {
    return new URL(text).hostname.length > 0;
  } catch {
    return false;
  }
}

function hasAtMostDecimals(value: number, decimals: number): boolean {
  const scaled = value * 10 ** decimals;
  return Math.abs(scaled - Math.round(scaled)) <= 1e-6 * Math.max(1, Math.abs(scaled));
}

type TextKind = "text" | "textarea" | "email" | "phone" | "url";

function textChecker(field: Extract<TInputField, { type: TextKind }>): TValueChecker {
  const name = fieldName(field);
  const validation: { minLength?: number; maxLength?: number; pattern?: string; patternMessage?: string } = field.validation ?? {};
  const cap = TEXT_CAPS[field.type];
  const min = validation.minLength ?? 0;
  const max = Math.min(cap, validation.maxLength ?? cap);
  const pattern = validation.pattern && !patternProblem(validation.pattern) ? compilePattern(validation.pattern) : null;
  const tooLong = fail(`${name} must be at most ${plural(max, "character")}`);
  return (raw) => {
    if (raw === undefined || raw === null) return EMPTY;
    if (typeof raw !== "string") return fail(`${name} must be text`);
    if (raw.length > max + TRIM_SLACK) return tooLong;
    const text = raw.trim();
    if (text === "") return EMPTY;
    if (text.length > max) return tooLong;
    if (text.length < min) return fail(`${name} must be at least ${plural(min, "character")}`);
    if (field.type === "text" && /[\r\n]/.test(text)) return fail(`${name} must be a single line`);
    if (field.type === "email" && !EMAIL.test(text)) return fail("Enter a valid email address");
    if (field.type === "phone") {
      const digits = text.replace(/\D/g, "").length;
      if (!PHONE.test(text) || digits < 5 || digits > 15) return fail("Enter a valid phone number");
    }
    if (field.type === "url" && !isUrl(text)) return fail("Enter a valid web address starting with http:// or https://");
    if (pattern && !pattern.test(text)) return fail(validation.patternMessage || `${name} is not in the expected format`);
    return ok(text);
  };
}

function richTextChecker(field: Extract<TInputField, { type: "rich_text" }>): TValueChecker {
  const name = fieldName(field);
  const min = field.validation?.minLength ?? 0;
  const max = field.validation?.maxLength ?? Infinity;
  return (raw) => {
    if (raw === undefined || raw === null) return EMPTY;
    if (typeof raw !== "string") return fail(`${name} must be text`);
    if (raw.length > RICH_TEXT_INPUT_CAP) return fail(`${name} is too long`);
    const html = sanitizeRichText(raw);
    const text = richTextToPlainText(html);
    if (text === "") return EMPTY;
    if (html.length > TEXT_CAPS.rich_text) return fail(`${name} is too long (at most ${plural(TEXT_CAPS.rich_text, "character")} of formatted text)`);
    if (text.length > max) return fail(`${name} must be at most ${plural(max, "character")}`);
    if (text.length < min) return fail(`${name} must be at least ${plural(min, "character")}`);
    return ok(html);
  };
}

/** A finite number from a number or numeric text; "empty" for blank input and NaN (an empty number input). */
function readNumber(raw: unknown): number | "empty" | "invalid" | "infinite" {
  if (raw === undefined || raw === null || (typeof raw === "number" && Number.isNaN(raw))) return "empty";
  let value: number;
  if (typeof raw === "number") value = raw;
  else if (typeof raw === "string") {
    const text = raw.length > 400 ? "x" : raw.trim();
    if (text === "") return "empty";
    if (!NUMERIC.test(text)) return "invalid";
    value = Number(text);
  } else return "invalid";
  if (!Number.isFinite(value)) return "infinite";
  return value === 0 ? 0 : value; // no -0 in stored data
}

function numberChecker(field: Extract<TInputField, { type: "number" | "currency" | "rating" }>): TValueChecker {
  const name = fieldName(field);
  const min = field.type === "rating" ? 1 : field.validation?.min;
  const max = field.type === "rating" ? (field.max ?? 5) : field.validation?.max;
  const decimals = field.type === "currency" ? (field.decimals ?? 2) : null;
  const isInteger = field.type === "rating" || (field.type === "number" && field.validation?.integer === true);
  return (raw) => {
    let value = readNumber(raw);
    if (value === "empty") return EMPTY;
    if (value === "invalid") return fail(`${name} must be a number`);
    if (value === "infinite") return fail(`${name} must be a finite number`);
    if (field.type === "rating" && (!Number.isInteger(value) || value < 1 || value > max!)) return fail(`Choose a rating from 1 to ${max} for ${name}`);
    if (isInteger && !Number.isInteger(value)) return fail(`${name} must be a whole number`);
    if (decimals !== null && !hasAtMostDecimals(value, decimals)) {
      return fail(decimals === 0 ? `${name} must be a whole amount` : `${name} can have at most ${plural(decimals, "decimal place")}`);
    }
    // 0.1 + 0.2 from a browser is stored as 0.3: an amount has exactly its currency's decimals.
    if (decimals !== null) value = Math.round(value * 10 ** decimals) / 10 ** decimals || 0; // no -0 either
    if (min !== undefined && value < min) return fail(`${name} must be at least ${min}`);
    if (max !== undefined && value > max) return fail(`${name} must be at most ${max}`);
    return ok(value);
  };
}

function temporalChecker(field: Extract<TInputField, { type: "date" | "datetime" | "time" }>): TValueChecker {
  const name = fieldName(field);
  const { min, max } = field.validation ?? {};
  const messages = {
    date: "Enter a valid date (YYYY-MM-DD)",
    datetime: "Enter a valid date and time with a time zone, e.g. 2026-01-31T09:00:00Z",
    time: "Enter a valid time (HH:MM)",
  };
  // Dates and times order as text; datetimes by instant, since offsets differ.
  const order = (text: string) => (field.type === "datetime" ? (parseDateTime(text)?.getTime() ?? NaN) : text);
  const [low, high] = [min === undefined ? undefined : order(min), max === undefined ? undefined : order(max)];
  return (raw) => {
    if (isBlank(raw)) return EMPTY;
    if (typeof raw !== "string" || raw.length > 64) return fail(messages[field.type]);
    const text = raw.trim();
    const isValid =
      field.type === "date" ? DATE.test(text) && parseDate(text) !== null : field.type === "datetime" ? DATETIME.test(text) && parseDateTime(text) !== null : TIME.test(text);
    if (!isValid) return fail(messages[field.type]);
    const at = order(text);
    const [after, before] = field.type === "time" ? ["at or after", "at or before"] : ["on or after", "on or before"];
    if (low !== undefined && at < low) return fail(`${name} must be ${after} ${min}`);
    if (high !== undefined && at > high) return fail(`${name} must be ${before} ${max}`);
    return ok(text);
  };
}

function optionsChecker(field: TOptionField): TValueChecker {
  const name = fieldName(field);
  const staticValues = new Set(field.options.map((option) => option.value));
  const isMulti = field.type === "multi_select" || field.type === "checkbox_group";
  const { minSelected, maxSelected } = (isMulti && field.validation) || {};
  const allowedFor = (context: TValueContext): ReadonlySet<string> | null => {
    if (field.source === undefined) return staticValues;
    const dynamic = context.allowedOptions?.(field);
    return dynamic ? new Set(dynamic) : null;
  };
  const notAnOption = fail(`Choose ${isMulti ? "only" : "one of the"} options offered for ${name}`);
  return (raw, context) => {
    if (isBlank(raw)) return EMPTY;
    const allowed = allowedFor(context);
    const isAllowed = (value: unknown) => typeof value === "string" && value.length <= 200 && (allowed === null || allowed.has(value));
    if (!isMulti) return isAllowed(raw) ? ok(raw) : notAnOption;
    if (!Array.isArray(raw)) return fail(`${name} must be a list of options`);
    if (raw.length > (allowed?.size ?? 1_000)) return notAnOption;
    if (!raw.every(isAllowed)) return notAnOption;
    const chosen = [...new Set(raw as string[])];
    if (chosen.length === 0) return EMPTY;
    if (minSelected !== undefined && chosen.length < minSelected) return fail(`Choose at least ${plural(minSelected, "option")} for ${name}`);
    if (maxSelected !== undefined && chosen.length > maxSelected) return fail(`Choose at most ${plural(maxSelected, "option")} for ${name}`);
    return ok(chosen);
  };
}

function mimeMatches(mimeType: string, accept: readonly string[]): boolean {
  const type = mimeType.toLowerCase();
  return accept.some((pattern) => (pattern.endsWith("/*") ? type.startsWith(pattern.slice(0, -1)) : type === pattern));
}

function fileChecker(field: Extract<TInputField, { type: "file" }>): TValueChecker {
  const name = fieldName(field);
  const { accept, maxSizeMb } = field.validation ?? {};
  const maxFiles = field.multiple ? (field.validation?.maxFiles ?? DEFAULT_MAX_FILES) : 1;
  return (raw, context) => {
    if (raw === undefined || raw === null) return EMPTY;
    if (!Array.isArray(raw)) return fail(`${name} must be a list of uploaded files`);
    if (raw.length > maxFiles) return fail(`${name} accepts at most ${plural(maxFiles, "file")}`);
    if (!raw.every((id) => typeof id === "string" && isUuid(id))) return fail(`${name} contains something that is not an uploaded file`);
    const ids = [...new Set(raw as string[])];
    if (ids.length === 0) return EMPTY;
    for (const id of ids) {
      if (!context.fileInfo) break;
      const info = context.fileInfo(id);
      if (!info) return fail(`A file of ${name} was not found; upload it again`);
      if (accept && accept.length > 0 && !mimeMatches(info.mimeType, accept)) return fail(`${name} accepts only ${accept.join(", ")}`);
      if (maxSizeMb !== undefined && info.sizeBytes > maxSizeMb * 1024 * 1024) return fail(`Each file of ${name} must be at most ${maxSizeMb} MB`);
    }
    return ok(ids);
  };
}

function idChecker(field: Extract<TInputField, { type: "user" | "department" | "signature" }>): TValueChecker {
  const name = fieldName(field);
  const message = field.type === "signature" ? `${name} must be a drawn signature` : `Choose a ${field.type} for ${name}`;
  return (raw) => {
    if (isBlank(raw)) return EMPTY;
    if (typeof raw !== "string") return fail(message);
    if (isUuid(raw)) return ok(raw);
    if (field.type === "signature" && raw.length <= SIGNATURE_CAP && PNG_DATA_URL.test(raw)) return ok(raw);
    return fail(message);
  };
}

function yesNoChecker(field: Extract<TInputField, { type: "yes_no" }>): TValueChecker {
  const message = fail(`${fieldName(field)} must be yes or no`);
  return (raw) => (raw === undefined || raw === null ? EMPTY : typeof raw === "boolean" ? ok(raw) : message);
}

/** The value checker of an input field (built once per form; patterns compiled here). */
export function valueCheckerFor(field: TInputField): TValueChecker {
  switch (field.type) {
    case "text":
    case "textarea":
    case "email":
    case "phone":
    case "url":
      return textChecker(field);
    case "rich_text":
      return richTextChecker(field);
    case "number":
    case "currency":
    case "rating":
      return numberChecker(field);
    case "date":
    case "datetime":
    case "time":
      return temporalChecker(field);
    case "dropdown":
    case "radio":
    case "multi_select":
    case "checkbox_group":
      return optionsChecker(field);
    case "file":
      return fileChecker(field);
    case "user":
    case "department":
    case "signature":
      return idChecker(field);
    case "yes_no":
      return yesNoChecker(field);
  }
}
