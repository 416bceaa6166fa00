import { describe, expect, it } from "vitest";
import { COLUMN_KEY } from "./columns";
import { deriveKey, slugOfLabel } from "./keys";

describe("slugOfLabel", () => {
  it("turns a label into lower-case snake case without accents or symbols", () => {
    expect(slugOfLabel("Unit price (€)")).toBe("unit_price");
    expect(slugOfLabel("Café Crème")).toBe("cafe_creme");
  });
  it("drops leading digits and falls back when nothing is left", () => {
    expect(slugOfLabel("2024 budget")).toBe("budget");
    expect(slugOfLabel("€€€")).toBe("column");
    expect(slugOfLabel("", "table")).toBe("table");
  });
  it("keeps within the key length even with the numbered suffix", () => {
    expect(slugOfLabel("a".repeat(80)).length).toBeLessThanOrEqual(37);
  });
});

describe("deriveKey", () => {
  it("numbers a key that is taken", () => {
    expect(deriveKey("Amount", new Set(["amount"]))).toBe("amount_2");
    expect(deriveKey("Amount", new Set(["amount", "amount_2"]))).toBe("amount_3");
  });
  it("avoids reserved keys", () => {
    expect(deriveKey("ID", new Set())).toBe("id_2");
    expect(deriveKey("Constructor", new Set())).toBe("constructor_2");
  });
  it("always gives a key the column schema accepts", () => {
    for (const label of ["Ünïcödé 名前", "9 lives", "x".repeat(200), "--", "Price / unit"]) expect(deriveKey(label, new Set())).toMatch(COLUMN_KEY);
  });
});
