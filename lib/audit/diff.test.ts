import { describe, expect, it } from "vitest";
import { diffFields, redactSecrets, REDACTED } from "@/lib/audit/diff";

describe("diffFields", () => {
  it("keeps only changed fields", () => {
    expect(diffFields({ name: "Eng", parentId: null, updatedAt: 1 }, { name: "Engineering", parentId: null, updatedAt: 2 })).toEqual({
      name: { from: "Eng", to: "Engineering" },
    });
  });
  it("records creations and deletions", () => {
    expect(diffFields(null, { name: "Finance" })).toEqual({ name: { from: null, to: "Finance" } });
    expect(diffFields({ name: "Finance" }, null)).toEqual({ name: { from: "Finance", to: null } });
  });
  it("redacts secrets but shows that they changed", () => {
    expect(diffFields({ passwordHash: "a" }, { passwordHash: "b" })).toEqual({ passwordHash: { from: REDACTED, to: REDACTED } });
    expect(diffFields(null, { tokenHash: "x", apiKey: "k" })).toEqual({
      tokenHash: { from: null, to: REDACTED },
      apiKey: { from: null, to: REDACTED },
    });
  });
  it("compares dates and arrays by value", () => {
    const at = new Date("2026-01-01T00:00:00Z");
    expect(diffFields({ at, ids: ["a"] }, { at: new Date(at), ids: ["a"] })).toEqual({});
    expect(diffFields({ ids: ["a"] }, { ids: ["a", "b"] })).toEqual({ ids: { from: ["a"], to: ["a", "b"] } });
  });
});

describe("redactSecrets", () => {
  it("redacts nested secret keys", () => {
    expect(redactSecrets({ to: "x@y", smtp: { password: "p", host: "h" }, list: [{ secret: 1 }] })).toEqual({
      to: "x@y",
      smtp: { password: REDACTED, host: "h" },
      list: [{ secret: REDACTED }],
    });
  });
});
