import { describe, expect, it } from "vitest";
import { initials, safeColour } from "@/lib/org/branding";

describe("safeColour", () => {
  it("keeps hex colours", () => {
    expect(safeColour("#3B82F6", "#000")).toBe("#3B82F6");
    expect(safeColour("#abc", "#000")).toBe("#abc");
  });
  it("refuses anything that could inject CSS", () => {
    expect(safeColour("red; background: url(x)", "#000")).toBe("#000");
    expect(safeColour("#12345", "#000")).toBe("#000");
    expect(safeColour(null, "#111")).toBe("#111");
  });
});

describe("initials", () => {
  it("takes the first letters of the first two words", () => {
    expect(initials("Acme Corporation")).toBe("AC");
    expect(initials("globex")).toBe("G");
    expect(initials("   ")).toBe("?");
  });
});
