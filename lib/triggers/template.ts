// `{{variable}}` templating for emails, notifications, webhook bodies and mapped values. Deliberately
// tiny and logic-free: a variable is a dotted path into the event's data; nothing is evaluated, so a
// template cannot run code. HTML output escapes every value; JSON output encodes every value as JSON.

export type TTemplateMode = "text" | "html" | "json";

const VARIABLE = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)\s*\}\}/g;

/** The variables a template uses, in order of first use. */
export function templateVariables(template: string): string[] {
  return [...new Set([...template.matchAll(VARIABLE)].map((match) => match[1]!))];
}

/** Reads a dotted path from data; only own properties, so "constructor" or "__proto__" read nothing. */
export function readPath(data: unknown, path: string): unknown {
  let current: unknown = data;
  for (const part of path.split(".")) {
    if (current === null || typeof current !== "object" || !Object.hasOwn(current, part)) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);

function asText(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "number") return value.toLocaleString("en-US", { maximumFractionDigits: 10 });
  if (Array.isArray(value)) return value.map(asText).join(", ");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

export type TRendered = { output: string; missing: string[] };

/**
 * Fills a template from data. `missing` lists variables the data has no value for (rendered empty);
 * the trigger log shows them, since a silently empty email line is worse than a flagged one.
 */
export function renderTemplate(template: string, data: unknown, mode: TTemplateMode = "text"): TRendered {
  const missing = new Set<string>();
  const output = template.replace(VARIABLE, (_, path: string) => {
    const value = readPath(data, path);
    if (value === undefined) missing.add(path);
    if (mode === "json") return JSON.stringify(value ?? null);
    const text = asText(value);
    return mode === "html" ? escapeHtml(text) : text;
  });
  return { output, missing: [...missing] };
}

/**
 * A mapped value: "=path" copies the value at path with its type (a number stays a number); anything
 * else is a text template. Used for flow start data and row values.
 */
export function mapValue(spec: string, data: unknown): unknown {
  if (spec.startsWith("=")) return readPath(data, spec.slice(1).trim()) ?? null;
  return renderTemplate(spec, data, "text").output;
}

/** Variables a template uses that `known` does not offer (checked when a trigger or template is saved). */
export function unknownVariables(template: string, known: (path: string) => boolean): string[] {
  return templateVariables(template).filter((path) => !known(path));
}
