import { Cron } from "croner";

// Cron expressions of SCHEDULED triggers (croner: 5 or 6 fields, time zones, L/W/#). Pure helpers:
// validation for the editor and the next runs preview; lib/triggers/schedule.ts keeps the chain.

/** A readable problem with the expression or the zone, or null when both are fine. */
export function cronProblem(expression: string, timeZone: string): string | null {
  try {
    const cron = new Cron(expression, { timezone: timeZone, paused: true });
    if (!cron.nextRun(new Date())) return "This schedule never runs";
    return null;
  } catch (error) {
    return (error as Error).message.replace(/^CronPattern: /, "");
  }
}

/** The next `count` runs after `from` (UTC instants). */
export function nextRuns(expression: string, timeZone: string, from: Date, count: number): Date[] {
  return new Cron(expression, { timezone: timeZone, paused: true }).nextRuns(count, from);
}
