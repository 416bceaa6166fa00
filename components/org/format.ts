/** A timestamp as "2030-01-08 10:00 UTC" (the same everywhere, whatever the server's time zone), or "—". */
export function formatWhen(date: Date | null): string {
  return date ? `${date.toISOString().slice(0, 16).replace("T", " ")} UTC` : "—";
}

/** A day as "2030-01-08" (UTC). */
export function formatDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
