import { describe, expect, it } from "vitest";
import { FIELD_KEY } from "@/lib/forms/field-types";
import { deriveKey, keyProblem, keysOf, slugOfLabel } from "./keys";

describe("slugOfLabel", () => {
  it("makes lower-case snake_case ASCII from a label", () => {
    expect(slugOfLabel("Unit price (€)")).toBe("unit_price");
    expect(slugOfLabel("Café Expenses")).toBe("cafe_expenses");
    expect(slugOfLabel("  Amount  ")).toBe("amount");
  });
  it("never starts with a digit and falls back to 'field'", () => {
    expect(slugOfLabel("2nd approver")).toBe("nd_approver");
    expect(slugOfLabel("€€€")).toBe("field");
    expect(slugOfLabel("")).toBe("field");
  });
});

describe("deriveKey", () => {
  it("numbers a taken key", () => {
    expect(deriveKey("Amount", new Set())).toBe("amount");
    expect(deriveKey("Amount", new Set(["amount"]))).toBe("amount_2");
    expect(deriveKey("Amount", new Set(["amount", "amount_2"]))).toBe("amount_3");
  });
  it("avoids reserved keys", () => {
    expect(deriveKey("ID", new Set())).toBe("id_2");
    expect(deriveKey("Form", new Set())).toBe("form_2");
  });
  it("always returns a valid key, also for very long labels", () => {
    const key = deriveKey("x".repeat(500), new Set());
    expect(FIELD_KEY.test(key)).toBe(true);
  });
});

describe("keyProblem and keysOf", () => {
  const taken = keysOf([{ key: "amount" }, { key: "items", fields: [{ key: "price" }] }]);
  it("collects top-level and group keys", () => expect([...taken]).toEqual(["amount", "items", "price"]));
  it("refuses invalid, reserved and taken keys, but not the field's own", () => {
    expect(keyProblem("Amount", taken, "x")).toMatch(/lower-case/);
    expect(keyProblem("constructor", taken, "x")).toMatch(/reserved/);
    expect(keyProblem("price", taken, "x")).toMatch(/already uses/);
    expect(keyProblem("amount", taken, "amount")).toBeNull();
  });
});
