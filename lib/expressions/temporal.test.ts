import { describe, expect, it } from "vitest";
import { coerceDate, daysBetween, parseDate, parseDateTime, todayIn } from "@/lib/expressions/temporal";
import { readPath } from "@/lib/expressions/values";

const iso = (date: Date | null) => date?.toISOString() ?? null;

describe("parseDate", () => {
  it.each([
    ["2026-01-31", "2026-01-31T00:00:00.000Z"],
    ["2024-02-29", "2024-02-29T00:00:00.000Z"],
    ["0099-12-31", "0099-12-31T00:00:00.000Z"],
    ["2026-02-29", null],
    ["2026-13-01", null],
    ["2026-1-31", null],
    ["31/01/2026", null],
    ["2026-01-31T10:00:00Z", null],
  ])("%s → %s", (text, expected) => {
    expect(iso(parseDate(text))).toBe(expected);
  });
});

describe("parseDateTime", () => {
  it.each([
    ["2026-01-31T10:00:00Z", "2026-01-31T10:00:00.000Z"],
    ["2026-01-31T10:00:00", "2026-01-31T10:00:00.000Z"],
    ["2026-01-31 10:00", "2026-01-31T10:00:00.000Z"],
    ["2026-01-31T10:00:00.123456+02:00", "2026-01-31T08:00:00.123Z"],
    ["2026-01-31T01:00:00-0530", "2026-01-31T06:30:00.000Z"],
    ["2026-01-31", "2026-01-31T00:00:00.000Z"],
    ["2026-01-31T24:00:00Z", null],
    ["2026-01-31T10:60Z", null],
    ["2026-01-31T10:00:00+25:00", null],
    ["tomorrow", null],
  ])("%s → %s", (text, expected) => {
    expect(iso(parseDateTime(text))).toBe(expected);
  });
});

describe("dates from data", () => {
  it("takes the UTC day of datetimes and Date objects", () => {
    expect(iso(coerceDate("2026-01-31T23:30:00-02:00"))).toBe("2026-02-01T00:00:00.000Z");
    expect(iso(coerceDate(new Date("2026-01-31T18:00:00Z")))).toBe("2026-01-31T00:00:00.000Z");
    expect(coerceDate(1_700_000_000_000)).toBeNull();
  });

  it("counts whole days between UTC days", () => {
    expect(daysBetween(new Date("2026-01-31T23:00:00Z"), new Date("2026-02-01T01:00:00Z"))).toBe(1);
    expect(daysBetween(new Date("2026-03-01"), new Date("2026-02-01"))).toBe(-28);
  });

  it("finds today in a time zone, and gives null for an unknown zone", () => {
    const now = new Date("2026-03-10T23:30:00Z");
    expect(iso(todayIn(now, "Pacific/Auckland"))).toBe("2026-03-11T00:00:00.000Z");
    expect(iso(todayIn(now, "UTC"))).toBe("2026-03-10T00:00:00.000Z");
    expect(todayIn(now, "Mars/Olympus")).toBeNull();
  });
});

describe("readPath", () => {
  it("projects over lists and flattens nested ones", () => {
    const data = { orders: [{ lines: [{ total: 1 }, { total: 2 }] }, { lines: [] }, { lines: [{ total: 3 }] }, null] };
    expect(readPath(data, ["orders", "lines", "total"])).toEqual([1, 2, 3, undefined]);
    expect(readPath(data, ["orders"])).toBe(data.orders);
  });

  it("reads only own data properties", () => {
    expect(readPath({}, ["constructor", "name"])).toBeUndefined();
    expect(readPath(Object.create({ inherited: 1 }), ["inherited"])).toBeUndefined();
    expect(readPath({ a: { b: 2 } }, ["a", "b"])).toBe(2);
  });
});
