import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fieldsUsed, numericConstraint } from "@/lib/expressions/analysis";
import { compileCondition } from "@/lib/expressions/api";
import { ALL_NUMBERS, complement, formatNumberSet, intersect, union, type NumberSet } from "@/lib/expressions/number-set";
import { parse } from "@/lib/expressions/parser";
import { t, type Expr } from "@/lib/expressions/types";

function ast(source: string): Expr {
  const result = parse(source);
  if (!result.ok) throw new Error(result.diagnostics[0].message);
  return result.ast;
}

const constraint = (source: string) => {
  const set = numericConstraint(ast(source), "amount");
  return set && formatNumberSet(set);
};

describe("fieldsUsed", () => {
  it("collects every path read, once", () => {
    expect([...fieldsUsed(ast("amount > 1 and initiator.department == 'x' or sum(items.amount) > amount and `Total (USD)` > 0"))].sort()).toEqual(
      ["Total (USD)", "amount", "initiator.department", "items.amount"],
    );
    expect(fieldsUsed(ast("today() > date('2026-01-01')")).size).toBe(0);
  });
});

describe("numericConstraint", () => {
  it.each([
    ["amount >= 1000", "[1000, ∞)"],
    ["amount < 1000", "(-∞, 1000)"],
    ["1000 <= amount", "[1000, ∞)"],
    ["amount > -(5)", "(-5, ∞)"],
    ["amount >= 1000 and amount < 5000", "[1000, 5000)"],
    ["amount < 1000 or amount >= 5000", "(-∞, 1000) ∪ [5000, ∞)"],
    ["not (amount < 1000 or amount >= 5000)", "[1000, 5000)"],
    ["amount == 5", "{5}"],
    ["amount != 5", "(-∞, 5) ∪ (5, ∞)"],
    ["amount in [3, 1, 2]", "{1} ∪ {2} ∪ {3}"],
    ["amount > 5 and amount < 5", "∅"],
    ["amount <= 5 or amount >= 5", "(-∞, ∞)"],
    ["amount == null", "∅"],
    ["amount != null", "(-∞, ∞)"],
    ["true", "(-∞, ∞)"],
  ])("%s → %s", (source, expected) => {
    expect(constraint(source)).toBe(expected);
  });

  it.each(["amount > other", "amount > 1 and approved", "amount * 2 > 1", "amount in [1, x]", "amount contains 1", "other > 1"])("%s → null (depends on more)", (source) => {
    expect(constraint(source)).toBeNull();
  });

  it("finds the gap between two branch conditions", () => {
    const branches = ["amount >= 1000", "amount < 500"].map((source) => numericConstraint(ast(source), "amount")!);
    expect(formatNumberSet(complement(union(...branches)))).toBe("[500, 1000)");
    expect(formatNumberSet(intersect(branches[0], branches[1]))).toBe("∅");
  });

  it("agrees with evaluation", () => {
    const sources = ["amount >= 10 and amount < 20", "not (amount == 3) and amount <= 7", "amount in [1, 2] or amount > 100", "amount != 4.5"];
    fc.assert(
      fc.property(fc.constantFrom(...sources), fc.oneof(fc.integer({ min: -200, max: 200 }), fc.double({ noNaN: true, noDefaultInfinity: true })), (source, amount) => {
        const compiled = compileCondition(source, { amount: t.number });
        const set = numericConstraint(ast(source), "amount")!;
        const inSet = set.some((i) => (i.minInclusive ? amount >= i.min : amount > i.min) && (i.maxInclusive ? amount <= i.max : amount < i.max));
        expect(compiled.ok && compiled.evaluate({ amount })).toBe(inSet);
      }),
    );
  });
});

describe("number sets", () => {
  const interval = fc
    .tuple(fc.integer({ min: -20, max: 20 }), fc.integer({ min: -20, max: 20 }), fc.boolean(), fc.boolean())
    .map(([a, b, minInclusive, maxInclusive]) => ({ min: Math.min(a, b), max: Math.max(a, b), minInclusive, maxInclusive }));
  const set = fc.array(interval, { maxLength: 4 }).map((intervals) => union(intervals));
  const contains = (s: NumberSet, x: number) => s.some((i) => (i.minInclusive ? x >= i.min : x > i.min) && (i.maxInclusive ? x <= i.max : x < i.max));
  const probe = fc.integer({ min: -50, max: 50 }).map((n) => n / 2);

  it("union, intersection and complement behave like their definitions", () => {
    fc.assert(
      fc.property(set, set, probe, (a, b, x) => {
        expect(contains(union(a, b), x)).toBe(contains(a, x) || contains(b, x));
        expect(contains(intersect(a, b), x)).toBe(contains(a, x) && contains(b, x));
        expect(contains(complement(a), x)).toBe(!contains(a, x));
      }),
    );
  });

  it("keeps sets sorted and disjoint", () => {
    fc.assert(
      fc.property(set, set, (a, b) => {
        for (const s of [union(a, b), intersect(a, b), complement(a)]) {
          for (let i = 1; i < s.length; i++) expect(s[i - 1].max < s[i].min || (s[i - 1].max === s[i].min && !s[i - 1].maxInclusive && !s[i].minInclusive)).toBe(true);
        }
      }),
    );
  });

  it("has the whole line as the complement of nothing", () => {
    expect(complement([])).toEqual(ALL_NUMBERS);
    expect(complement(ALL_NUMBERS)).toEqual([]);
  });
});
