import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stripSpans } from "@/lib/expressions/ast";
import { checkExpression, compileCondition } from "@/lib/expressions/api";
import { checkAst } from "@/lib/expressions/checker";
import { contextFor, evaluateNode } from "@/lib/expressions/evaluate";
import { explain, type Explanation } from "@/lib/expressions/explain";
import { parse } from "@/lib/expressions/parser";
import { astToRules, rulesToAst, type RuleGroup, type RuleGroupInput } from "@/lib/expressions/rules";
import { parseRuleGroup } from "@/lib/expressions/schema";
import { anyExpr, ENV, envData, ruleGroup, tokenSoup, typedExpr } from "@/lib/expressions/test-arbitraries";
import { toText } from "@/lib/expressions/to-text";
import type { TypedExpr } from "@/lib/expressions/types";

const RUNS = { numRuns: 500 };
// Thousands of generated cases per test; a loaded CI machine must not turn them into timeouts.
const SLOW_MACHINE_TIMEOUT_MS = 60_000;
const OPTIONS = { now: new Date("2026-03-10T12:00:00Z"), timeZone: "Europe/Paris" };

function reparse(source: string) {
  const result = parse(source);
  if (!result.ok) throw new Error(`${source}\n${result.diagnostics[0].message} at ${result.diagnostics[0].start}`);
  return result.ast;
}

function checked(ast: Parameters<typeof checkAst>[0]): TypedExpr {
  const result = checkAst(ast, ENV);
  if (!result.ok) throw new Error(`${toText(ast)}\n${result.diagnostics.map((d) => d.message).join("\n")}`);
  return result.ast;
}

// Unguarded evaluation: proves totality without the public API's last-resort catch.
const evaluateRaw = (ast: TypedExpr, data: unknown) => evaluateNode(ast, { ...contextFor(OPTIONS), data });

describe("property: toText and parse round-trip", { timeout: SLOW_MACHINE_TIMEOUT_MS }, () => {
  it("parse(toText(ast)) equals ast modulo positions, for arbitrary trees", () => {
    fc.assert(
      fc.property(anyExpr, (ast) => {
        expect(stripSpans(reparse(toText(ast)))).toEqual(stripSpans(ast));
      }),
      { numRuns: 2000 },
    );
  });

  it("toText is a fixed point on its own output", () => {
    fc.assert(
      fc.property(anyExpr, (ast) => {
        const text = toText(ast);
        expect(toText(reparse(text))).toBe(text);
      }),
      RUNS,
    );
  });
});

describe("property: no input makes the front end throw", { timeout: SLOW_MACHINE_TIMEOUT_MS }, () => {
  const frontEnd = (source: string) => {
    const result = checkExpression(source, ENV);
    if (result.ok) {
      expect(stripSpans(reparse(toText(result.ast)))).toEqual(stripSpans(reparse(source)));
      return;
    }
    expect(result.diagnostics.length).toBeGreaterThan(0);
    for (const diagnostic of result.diagnostics) {
      expect(diagnostic.message.length).toBeGreaterThan(0);
      expect(0 <= diagnostic.start && diagnostic.start <= diagnostic.end && diagnostic.end <= source.length).toBe(true);
    }
  };

  it("random strings give diagnostics, never exceptions", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 60 }), frontEnd), { numRuns: 2000 });
  });

  it("near-miss token soup gives diagnostics, never exceptions", () => {
    fc.assert(fc.property(tokenSoup, frontEnd), { numRuns: 3000 });
  });

  it("random (ill-typed) trees never make the checker throw, and checked ones evaluate", () => {
    fc.assert(
      fc.property(anyExpr, envData, (ast, data) => {
        const result = checkAst(ast, ENV);
        if (result.ok) evaluateRaw(result.ast, data);
      }),
      RUNS,
    );
  });
});

describe("property: the evaluator is total", { timeout: SLOW_MACHINE_TIMEOUT_MS }, () => {
  it("well-typed trees are accepted by the checker with the type they were built for", () => {
    const kinds = ["boolean", "number", "string", "date", "datetime"] as const;
    const tagged = fc.constantFrom(...kinds).chain((kind) => typedExpr(kind).map((ast) => [kind, ast] as const));
    fc.assert(
      fc.property(tagged, ([kind, ast]) => {
        // Number-typed trees may read `payload.*`, whose type is unknown until run time.
        expect([kind, "unknown"]).toContain(checked(ast).type.kind);
      }),
      RUNS,
    );
  });

  it("well-typed trees with any data (missing, wrong-typed, hostile) never throw", () => {
    fc.assert(
      fc.property(fc.oneof(typedExpr("boolean"), typedExpr("number"), typedExpr("string"), typedExpr("date")), envData, (ast, data) => {
        const value = evaluateRaw(checked(ast), data);
        expect(value === undefined || (typeof value === "number" && !Number.isFinite(value))).toBe(false);
      }),
      { numRuns: 1500 },
    );
  });

  it("conditions always evaluate to a boolean", () => {
    fc.assert(
      fc.property(typedExpr("boolean"), envData, (ast, data) => {
        const compiled = compileCondition(toText(ast), ENV);
        expect(compiled.ok && typeof compiled.evaluate(data, OPTIONS)).toBe("boolean");
      }),
      RUNS,
    );
  });
});

describe("property: rule builder round-trip", { timeout: SLOW_MACHINE_TIMEOUT_MS }, () => {
  const toLegacy = (group: RuleGroup): RuleGroupInput => ({
    operator: group.combinator === "and" ? "AND" : "OR",
    rules: group.rules.map((member) => ("rules" in member ? toLegacy(member) : member)),
  });

  it("astToRules(rulesToAst(rules)) gives the rules back, also through source text", () => {
    fc.assert(
      fc.property(ruleGroup, (group) => {
        const ast = rulesToAst(group);
        expect(astToRules(ast)).toEqual(group);
        expect(astToRules(reparse(toText(ast)))).toEqual(group);
      }),
      RUNS,
    );
  });

  it("the legacy shape converts like the new one and validates into it", () => {
    fc.assert(
      fc.property(ruleGroup, (group) => {
        expect(rulesToAst(toLegacy(group))).toEqual(rulesToAst(group));
        expect(parseRuleGroup(toLegacy(group))).toEqual({ ok: true, group });
      }),
      RUNS,
    );
  });
});

describe("property: explain agrees with evaluate", { timeout: SLOW_MACHINE_TIMEOUT_MS }, () => {
  const agrees = (explanation: Explanation): void => {
    if (explanation.text === "all of" || explanation.text === "any of") {
      const values = explanation.children.map((child) => child.value === true);
      expect(explanation.value).toBe(explanation.text === "all of" ? values.every(Boolean) : values.some(Boolean));
    }
    if (explanation.text === "not") expect(explanation.value).toBe(explanation.children[0].value !== true);
    explanation.children.forEach(agrees);
  };

  it("the explained value is the evaluated value, and each group agrees with its children", () => {
    fc.assert(
      fc.property(fc.oneof(typedExpr("boolean"), typedExpr("number")), envData, (ast, data) => {
        const typed = checked(ast);
        const explanation = explain(typed, data, OPTIONS);
        expect(explanation.value).toEqual(evaluateRaw(typed, data));
        agrees(explanation);
      }),
      { numRuns: 1000 },
    );
  });
});
