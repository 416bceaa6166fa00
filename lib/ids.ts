// Record ids are UUIDs. A value that is not one cannot name a row, so callers answer "not found" (or
// refuse the input) without asking the database. Client-safe: no imports.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}
