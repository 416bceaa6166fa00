// Quiet hours: a daily window (in a time zone) in which a trigger's actions wait. A window may cross
// midnight (22:00–07:00). The end is computed on the local clock; a DST change inside the window can
// move it by an hour, which is acceptable for "don't email people at night".

const minutesOf = (text: string) => Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));

function localMinutes(now: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(now);
  const hour = Number(parts.find((part) => part.type === "hour")?.value ?? 0);
  const minute = Number(parts.find((part) => part.type === "minute")?.value ?? 0);
  return hour * 60 + minute;
}

/** When the quiet window containing `now` ends, or null when `now` is outside it. */
export function quietUntil(window: { start: string; end: string; timeZone: string }, now: Date): Date | null {
  const start = minutesOf(window.start);
  const end = minutesOf(window.end);
  if (start === end) return null;
  const current = localMinutes(now, window.timeZone);
  const inside = start < end ? current >= start && current < end : current >= start || current < end;
  if (!inside) return null;
  const wait = (end - current + 1_440) % 1_440;
  const until = new Date(now.getTime() + wait * 60_000);
  until.setUTCSeconds(0, 0);
  return until;
}
