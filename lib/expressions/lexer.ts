// Turns source text into tokens. Keywords are case-insensitive (people type AND/OR from the rule
// builder); `=` is read as `==` because non-programmers write `status = "approved"`.
import type { Diagnostic } from "./types";

export const KEYWORDS = ["and", "or", "not", "in", "contains", "true", "false", "null"] as const;
export type Keyword = (typeof KEYWORDS)[number];

export type Punct =
  | "(" | ")" | "[" | "]" | "," | "." | "+" | "-" | "*" | "/" | "%"
  | "==" | "!=" | "<" | "<=" | ">" | ">=" | "&&" | "||" | "!";

export type Token = { start: number; end: number } & (
  | { kind: "number"; value: number }
  | { kind: "string"; value: string }
  | { kind: "name"; value: string; quoted: boolean }
  | { kind: "keyword"; value: Keyword }
  | { kind: "punct"; value: Punct }
  | { kind: "eof" }
);

export type LexResult = { ok: true; tokens: Token[] } | { ok: false; diagnostics: Diagnostic[] };

const WHITESPACE = /\s+/uy;
const NUMBER = /\d[\d_]*(?:\.\d[\d_]*)?(?:[eE][+-]?\d+)?/y;
const NAME = /[\p{L}_][\p{L}\p{N}_]*/uy;
const NAME_CHAR = /[\p{L}\p{N}_]/u;
const DIGIT_GROUPS = /^\d+(?:_\d+)*$/;
const TWO_CHAR: readonly string[] = ["==", "!=", "<=", ">=", "&&", "||"];
const ONE_CHAR = "()[],.+-*/%<>!";
const KEYWORD_SET: ReadonlySet<string> = new Set(KEYWORDS);
const ESCAPES: Readonly<Record<string, string>> = { n: "\n", t: "\t", r: "\r", "0": "\0", "\\": "\\", '"': '"', "'": "'", "`": "`" };

/** Whether `name` can be written without backticks. */
export function isBareName(name: string): boolean {
  NAME.lastIndex = 0;
  const match = NAME.exec(name);
  return match !== null && match[0].length === name.length && !KEYWORD_SET.has(name.toLowerCase());
}

function matchAt(pattern: RegExp, source: string, at: number): string | null {
  pattern.lastIndex = at;
  const match = pattern.exec(source);
  return match ? match[0] : null;
}

// Reads a quoted run starting at the opening quote; returns the decoded text and the end offset.
function readQuoted(source: string, start: number): { value: string; end: number } | Diagnostic {
  const quote = source[start];
  let value = "";
  let i = start + 1;
  while (i < source.length) {
    const char = source[i];
    if (char === quote) return { value, end: i + 1 };
    if (char !== "\\") {
      value += char;
      i += 1;
      continue;
    }
    const next = source[i + 1];
    if (next === "u") {
      const braced = /^\{([0-9a-fA-F]{1,6})\}/.exec(source.slice(i + 2, i + 10));
      const plain = /^[0-9a-fA-F]{4}/.exec(source.slice(i + 2, i + 6));
      const code = braced ? parseInt(braced[1], 16) : plain ? parseInt(plain[0], 16) : NaN;
      if (!(code <= 0x10ffff)) return { message: "Invalid \\u escape; write \\uXXXX or \\u{X…}", start: i, end: i + 2 };
      value += String.fromCodePoint(code);
      i += 2 + (braced ? braced[0].length : 4);
      continue;
    }
    if (next !== undefined && Object.hasOwn(ESCAPES, next)) {
      value += ESCAPES[next];
      i += 2;
      continue;
    }
    return { message: `Unknown escape "\\${next ?? ""}"`, start: i, end: Math.min(i + 2, source.length) };
  }
  const what = quote === "`" ? "quoted field name" : "string";
  return { message: `Unterminated ${what}: add the closing ${quote}`, start, end: source.length };
}

/** Splits source into tokens, or reports the first lexical error. */
export function tokenize(source: string): LexResult {
  const tokens: Token[] = [];
  let i = 0;
  const fail = (message: string, start: number, end: number): LexResult => ({ ok: false, diagnostics: [{ message, start, end }] });
  while (i < source.length) {
    const char = source[i];
    const code = source.charCodeAt(i);
    // The first character picks the token class, so only the regex that can match is run.
    const isAscii = code < 128;
    if (char === " " || char === "\n" || char === "\t" || char === "\r") {
      i += 1;
      continue;
    }
    const space = isAscii && code !== 11 && code !== 12 ? null : matchAt(WHITESPACE, source, i);
    if (space) {
      i += space.length;
      continue;
    }
    const start = i;
    const number = code >= 48 && code <= 57 ? matchAt(NUMBER, source, i) : null;
    if (number) {
      const [whole, fraction = ""] = number.includes("_") ? number.split(/[eE]/)[0].split(".") : ["0"];
      const after = source.charAt(i + number.length);
      const isGlued = after !== "" && NAME_CHAR.test(after);
      if (!DIGIT_GROUPS.test(whole) || (fraction !== "" && !DIGIT_GROUPS.test(fraction)) || isGlued) {
        return fail(`Invalid number "${number}${isGlued ? after : ""}"`, start, i + number.length);
      }
      const value = Number(number.replaceAll("_", ""));
      if (!Number.isFinite(value)) return fail("Number is too large", start, i + number.length);
      i += number.length;
      tokens.push({ kind: "number", value, start, end: i });
      continue;
    }
    const isNameStart = !isAscii || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
    const name = isNameStart ? matchAt(NAME, source, i) : null;
    if (name) {
      i += name.length;
      const lower = name.toLowerCase();
      if (KEYWORD_SET.has(lower)) tokens.push({ kind: "keyword", value: lower as Keyword, start, end: i });
      else tokens.push({ kind: "name", value: name, quoted: false, start, end: i });
      continue;
    }
    if (char === '"' || char === "'" || char === "`") {
      const quoted = readQuoted(source, i);
      if ("message" in quoted) return { ok: false, diagnostics: [quoted] };
      i = quoted.end;
      if (char === "`") tokens.push({ kind: "name", value: quoted.value, quoted: true, start, end: i });
      else tokens.push({ kind: "string", value: quoted.value, start, end: i });
      continue;
    }
    const pair = source.slice(i, i + 2);
    if (TWO_CHAR.includes(pair)) {
      i += 2;
      tokens.push({ kind: "punct", value: pair as Punct, start, end: i });
      continue;
    }
    if (char === "=") {
      i += 1;
      tokens.push({ kind: "punct", value: "==", start, end: i });
      continue;
    }
    if (ONE_CHAR.includes(char)) {
      i += 1;
      tokens.push({ kind: "punct", value: char as Punct, start, end: i });
      continue;
    }
    const shown = String.fromCodePoint(source.codePointAt(i) ?? 0);
    return fail(`Unexpected character "${shown}"`, start, start + shown.length);
  }
  tokens.push({ kind: "eof", start: source.length, end: source.length });
  return { ok: true, tokens };
}
