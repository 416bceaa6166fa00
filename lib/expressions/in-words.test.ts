import { describe, expect, it } from "vitest";
import { parseExpression } from "./api";
import { inWords } from "./in-words";

const say = (source: string, labels: Record<string, string> = {}) => {
  const parsed = parseExpression(source);
  if (!parsed.ok) throw new Error(parsed.diagnostics[0]!.message);
  return inWords(parsed.ast, { label: (path) => labels[path] });
};

describe("conditions in plain words", () => {
  it("words comparisons with field labels and grouped numbers", () => {
    expect(say("amount >= 1000", { amount: "Amount" })).toBe("Amount is at least 1,000");
    expect(say("amount < 12000.5")).toBe("amount is less than 12,000.5");
  });

  it("words membership, emptiness, booleans and negation", () => {
    expect(say('category in ["travel", "equipment"]', { category: "Category" })).toBe('Category is one of "travel", "equipment"');
    expect(say('category not in ["travel"]')).toBe('category is not one of "travel"');
    expect(say("note == null")).toBe("note is empty");
    expect(say("urgent == true")).toBe("urgent is yes");
    expect(say("not (a > 1)")).toBe("not (a is more than 1)");
  });

  it("keeps the grouping of and/or, and the source of what has no wording", () => {
    expect(say("a > 1 and (b < 2 or c == 3)")).toBe("a is more than 1 and (b is less than 2 or c is 3)");
    expect(say("amount * 2 > 10")).toBe("amount * 2 is more than 10");
  });
});
