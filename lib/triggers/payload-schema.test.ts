import { describe, expect, it } from "vitest";
import { jsonPathOf, payloadSchemaProblem, payloadViolations } from "./payload-schema";

describe("payload schema", () => {
  it("turns JSON Pointers into JSON paths", () => {
    expect(jsonPathOf("")).toBe("$");
    expect(jsonPathOf("/items/0/price")).toBe("$.items[0].price");
    expect(jsonPathOf("/a~1b/with space/~0x")).toBe('$["a/b"]["with space"]["~x"]');
  });

  it("says why a schema is unusable", () => {
    expect(payloadSchemaProblem('{"type": "object"}')).toBeNull();
    expect(payloadSchemaProblem("[]")).toBe("Write the schema as a JSON object");
    expect(payloadSchemaProblem("{")).toBe("The schema is not valid JSON");
    expect(payloadSchemaProblem('{"minimum": "ten"}')).toMatch(/^Not a valid JSON Schema: schema\/minimum must be number/);
    expect(payloadSchemaProblem('{"$ref": "#/definitions/missing"}')).toMatch(/^Not a usable JSON Schema: .*missing/);
  });

  it("lists violations, and none without a schema", () => {
    expect(payloadViolations(undefined, { anything: true })).toEqual([]);
    const schema = '{"type": "object", "additionalProperties": false, "properties": {"n": {"type": "integer"}}}';
    expect(payloadViolations(schema, { n: 1 })).toEqual([]);
    expect(payloadViolations(schema, { n: 1.5, extra: 1 })).toEqual([
      { path: "$", pointer: "", message: 'has an unexpected property "extra"' },
      { path: "$.n", pointer: "/n", message: "must be integer" },
    ]);
  });

  it("checks format keywords and leaves unknown formats as annotations", () => {
    const schema = '{"type": "object", "properties": {"at": {"type": "string", "format": "date-time"}, "site": {"type": "string", "format": "uri"}, "odd": {"format": "x-custom"}}}';
    expect(payloadViolations(schema, { at: "2026-11-28T05:00:00Z", site: "https://example.com/a", odd: "anything" })).toEqual([]);
    expect(payloadViolations(schema, { at: "yesterday", site: "not a uri" })).toEqual([
      { path: "$.at", pointer: "/at", message: 'must match format "date-time"' },
      { path: "$.site", pointer: "/site", message: 'must match format "uri"' },
    ]);
  });
});
