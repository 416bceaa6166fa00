// Before/after of the fields a change touched, with secrets redacted: what an audit entry stores.

export type FieldChange = { from: unknown; to: unknown };
export type Changes = Record<string, FieldChange>;

const SECRET_KEY = /password|secret|token|keyhash|apikey|encrypted|credential/i;
export const REDACTED = "[redacted]";

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function normalise(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  return value ?? null;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(normalise(a)) === JSON.stringify(normalise(b));
}

/**
 * The fields that differ between `before` and `after` (a creation has no `before`, a deletion no
 * `after`). Values of secret-looking keys are replaced by "[redacted]" — the entry still shows that
 * they changed. `updatedAt`-style bookkeeping fields are left out.
 */
export function diffFields(before: Record<string, unknown> | null | undefined, after: Record<string, unknown> | null | undefined): Changes {
  const changes: Changes = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    if (key === "updatedAt" || key === "createdAt") continue;
    const from = before?.[key];
    const to = after?.[key];
    if (before && after && same(from, to)) continue;
    if (SECRET_KEY.test(key)) {
      changes[key] = { from: before && from != null ? REDACTED : null, to: after && to != null ? REDACTED : null };
    } else {
      changes[key] = { from: normalise(from), to: normalise(to) };
    }
  }
  return changes;
}

/** Redacts secret-looking keys anywhere in a metadata object. */
export function redactSecrets(value: unknown, depth = 0): unknown {
  if (depth > 8) return "[truncated]";
  if (Array.isArray(value)) return value.map((item) => redactSecrets(item, depth + 1));
  if (!isPlainObject(value)) return normalise(value);
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, SECRET_KEY.test(key) ? REDACTED : redactSecrets(item, depth + 1)]));
}
