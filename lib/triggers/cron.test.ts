import { describe, expect, it } from "vitest";
import { cronProblem, nextRuns } from "./cron";

describe("cron schedules", () => {
  it("previews the next runs in the trigger's time zone", () => {
    expect(nextRuns("0 9 * * 1-5", "Europe/Berlin", new Date("2026-01-16T12:00:00Z"), 2).map((date) => date.toISOString())).toEqual(["2026-01-19T08:00:00.000Z", "2026-01-20T08:00:00.000Z"]);
    // Across the spring DST change, 09:00 local moves from UTC+1 to UTC+2.
    expect(nextRuns("0 9 * * *", "Europe/Berlin", new Date("2026-03-28T12:00:00Z"), 2).map((date) => date.toISOString())).toEqual(["2026-03-29T07:00:00.000Z", "2026-03-30T07:00:00.000Z"]);
  });

  it("explains bad expressions and zones", () => {
    expect(cronProblem("0 9 * * *", "UTC")).toBeNull();
    expect(cronProblem("61 * * * *", "UTC")).toMatch(/minute/);
    expect(cronProblem("* * * * *", "Mars/Base")).toMatch(/time zone/i);
  });
});
