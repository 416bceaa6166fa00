import { describe, expect, it } from "vitest";
import { parseSample, sampleFor } from "./sample";

describe("template preview samples", () => {
  it("gives every variable a placeholder, nesting dotted paths, and keeps typed values", () => {
    expect(sampleFor(["employee_name", "order.id", "order.total"], { employee_name: "Emma" })).toEqual({ employee_name: "Emma", order: { id: "order.id", total: "order.total" } });
    expect(sampleFor(["order.id"], { order: 5 })).toEqual({ order: 5 });
  });

  it("parses only JSON objects", () => {
    expect(parseSample('{"amount": 12000}')).toEqual({ ok: true, data: { amount: 12000 } });
    expect(parseSample("")).toEqual({ ok: true, data: {} });
    expect(parseSample("[1]")).toMatchObject({ ok: false });
    expect(parseSample("{amount")).toMatchObject({ ok: false, message: expect.stringContaining("Not valid JSON") });
  });
});
