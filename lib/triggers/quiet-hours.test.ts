import { describe, expect, it } from "vitest";
import { quietUntil } from "./quiet-hours";

describe("quietUntil", () => {
  const night = { start: "22:00", end: "07:00", timeZone: "Europe/Berlin" };

  it("waits until the end of a window that crosses midnight, in the window's zone", () => {
    // 23:30 in Berlin (UTC+1 in January) → 07:00 Berlin = 06:00 UTC.
    expect(quietUntil(night, new Date("2026-01-15T22:30:00Z"))?.toISOString()).toBe("2026-01-16T06:00:00.000Z");
    expect(quietUntil(night, new Date("2026-01-16T05:59:00Z"))?.toISOString()).toBe("2026-01-16T06:00:00.000Z");
  });

  it("does not wait outside the window or for an empty window", () => {
    expect(quietUntil(night, new Date("2026-01-16T06:00:00Z"))).toBeNull();
    expect(quietUntil(night, new Date("2026-01-16T12:00:00Z"))).toBeNull();
    expect(quietUntil({ ...night, end: "22:00" }, new Date("2026-01-15T22:30:00Z"))).toBeNull();
  });

  it("handles a same-day window", () => {
    const lunch = { start: "12:00", end: "13:30", timeZone: "UTC" };
    expect(quietUntil(lunch, new Date("2026-01-16T12:10:00Z"))?.toISOString()).toBe("2026-01-16T13:30:00.000Z");
    expect(quietUntil(lunch, new Date("2026-01-16T13:30:00Z"))).toBeNull();
  });
});
