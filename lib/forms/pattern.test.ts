import { describe, expect, it } from "vitest";
import { compilePattern, patternProblem } from "./pattern";

describe("patternProblem", () => {
  it.each(["[A-Z]{2}-\\d{4}", "\\d+", "(ab)+", "(?:ab)+", "[a-z]+@[a-z]+\\.com", "(foo|bar)", "(https?)?://x", "a{2,5}", "(?<year>\\d{4})-\\d{2}", "[(+*)]+", "\\(\\d+\\)+"])(
    "accepts the linear pattern %s",
    (pattern) => {
      expect(patternProblem(pattern)).toBeNull();
    },
  );

  it.each(["(a+)+", "(a*)*", "(a+)*b", "(\\w+\\s?)*$", "(a|aa)+", "(?:a|b)*c", "((ab)*)+", "(a*){2,}", "(x+x+)+y", "(.*a){12}"])(
    "refuses the catastrophic pattern %s",
    (pattern) => {
      expect(patternProblem(pattern)).toMatch(/exponential/);
    },
  );

  it("refuses backreferences, invalid and overlong patterns", () => {
    expect(patternProblem("(a)\\1")).toMatch(/Backreferences/);
    expect(patternProblem("(?<x>a)\\k<x>")).toMatch(/Backreferences/);
    expect(patternProblem("[a-")).toMatch(/^Not a valid pattern/);
    expect(patternProblem("(")).toMatch(/^Not a valid pattern/);
    expect(patternProblem("a".repeat(501))).toMatch(/at most 500/);
  });

  it("is never fooled into running a refused pattern: catastrophic inputs stay fast when accepted", () => {
    // `(a|b)+` is refused conservatively; `[ab]+` is the linear equivalent and passes.
    expect(patternProblem("[ab]+")).toBeNull();
    const started = performance.now();
    compilePattern("[ab]+").test(`${"a".repeat(10_000)}!`);
    expect(performance.now() - started).toBeLessThan(100);
  });
});

describe("compilePattern", () => {
  it("matches the whole value, like the HTML pattern attribute", () => {
    const pattern = compilePattern("[A-Z]{2}-\\d{3}");
    expect(pattern.test("AB-123")).toBe(true);
    expect(pattern.test("xAB-123")).toBe(false);
    expect(pattern.test("AB-1234")).toBe(false);
    expect(compilePattern("a|b").test("ab")).toBe(false);
  });
});
