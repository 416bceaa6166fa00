import { describe, expect, it } from "vitest";
import { checkAst } from "@/lib/expressions/checker";
import { parse } from "@/lib/expressions/parser";
import { astToRules, rulesToAst, type RuleGroup } from "@/lib/expressions/rules";
import { parseRuleGroup } from "@/lib/expressions/schema";
import { toText } from "@/lib/expressions/to-text";
import { t, type Expr } from "@/lib/expressions/types";

function ast(source: string): Expr {
  const result = parse(source);
  if (!result.ok) throw new Error(result.diagnostics[0].message);
  return result.ast;
}

describe("rulesToAst", () => {
  it("maps every operator", () => {
    const group: RuleGroup = {
      combinator: "and",
      rules: [
        { field: "amount", operator: "equals", value: 1 },
        { field: "amount", operator: "not_equals", value: null },
        { field: "amount", operator: "greater_than", value: -2 },
        { field: "amount", operator: "greater_or_equal", value: 3 },
        { field: "amount", operator: "less_than", value: 4 },
        { field: "amount", operator: "less_or_equal", value: 5 },
        { field: "name", operator: "contains", value: "x" },
        { field: "category", operator: "in_list", value: ["a", "b"] },
        { field: "notes", operator: "is_empty" },
        { field: "initiator.department", operator: "is_not_empty" },
      ],
    };
    expect(toText(rulesToAst(group))).toBe(
      'amount == 1 and amount != null and amount > -2 and amount >= 3 and amount < 4 and amount <= 5 and name contains "x" and category in ["a", "b"] and is_empty(notes) and is_not_empty(initiator.department)',
    );
  });

  it("keeps nested groups and their combinators", () => {
    const group: RuleGroup = {
      combinator: "or",
      rules: [
        { field: "a", operator: "equals", value: true },
        { combinator: "and", rules: [{ field: "b", operator: "less_than", value: 1 }, { field: "c", operator: "greater_than", value: 2 }] },
      ],
    };
    expect(toText(rulesToAst(group))).toBe("a == true or b < 1 and c > 2");
    expect(astToRules(rulesToAst(group))).toEqual(group);
  });

  it("accepts the legacy seed shape", () => {
    const legacy = { operator: "AND" as const, rules: [{ field: "Amount", operator: "greater_than" as const, value: 10000 }] };
    expect(toText(rulesToAst(legacy))).toBe("Amount > 10000");
    expect(toText(rulesToAst({ operator: "OR", rules: [legacy, { field: "x", operator: "equals", value: "y" }] }))).toBe('Amount > 10000 or x == "y"');
  });

  it("treats empty groups as their identity and one-rule groups as the rule", () => {
    expect(toText(rulesToAst({ combinator: "and", rules: [] }))).toBe("true");
    expect(toText(rulesToAst({ combinator: "or", rules: [] }))).toBe("false");
    expect(toText(rulesToAst({ combinator: "or", rules: [{ field: "a", operator: "equals", value: 1 }] }))).toBe("a == 1");
  });

  it("writes text values of date fields as date() so the result type-checks", () => {
    const env = { start: t.date, at: t.datetime };
    const group: RuleGroup = {
      combinator: "and",
      rules: [
        { field: "start", operator: "less_than", value: "2026-01-31" },
        { field: "at", operator: "in_list", value: ["2026-01-31T10:00:00Z"] },
      ],
    };
    const converted = rulesToAst(group, { env });
    expect(toText(converted)).toBe('start < date("2026-01-31") and at in [datetime("2026-01-31T10:00:00Z")]');
    expect(checkAst(converted, env).ok).toBe(true);
    expect(astToRules(converted)).toEqual(group);
  });
});

describe("astToRules", () => {
  it.each([
    ["amount > 1000", { combinator: "and", rules: [{ field: "amount", operator: "greater_than", value: 1000 }] }],
    ["amount > -(5)", { combinator: "and", rules: [{ field: "amount", operator: "greater_than", value: -5 }] }],
    ["a == 1 or (b == 2 and c == 3)", { combinator: "or", rules: [{ field: "a", operator: "equals", value: 1 }, { combinator: "and", rules: [{ field: "b", operator: "equals", value: 2 }, { field: "c", operator: "equals", value: 3 }] }] }],
    ["is_empty(`Total (USD)`)", { combinator: "and", rules: [{ field: "Total (USD)", operator: "is_empty" }] }],
    ["true", { combinator: "and", rules: [] }],
    ["a == 1 and false", { combinator: "and", rules: [{ field: "a", operator: "equals", value: 1 }, { combinator: "or", rules: [] }] }],
  ])("%s", (source, expected) => {
    expect(astToRules(ast(source))).toEqual(expected);
  });

  it.each(["amount * 2 > 1", "1 < amount", "a == b", "not a == 1", "a not in [1]", "x in y", "x in [y]", "len(a) > 1", "is_empty(a.b + 1)", "approved", "null", "round(a) == 1", "a == date(b)"])(
    "%s cannot be shown as rules",
    (source) => {
      expect(astToRules(ast(source))).toBeNull();
    },
  );
});

describe("parseRuleGroup", () => {
  it("validates and normalises stored rule trees, including the legacy shape", () => {
    expect(parseRuleGroup({ operator: "AND", rules: [{ field: "Amount", operator: "greater_than", value: 10000 }] })).toEqual({
      ok: true,
      group: { combinator: "and", rules: [{ field: "Amount", operator: "greater_than", value: 10000 }] },
    });
    expect(parseRuleGroup({ combinator: "or", rules: [{ field: "x", operator: "is_empty", value: "ignored" }] })).toEqual({
      ok: true,
      group: { combinator: "or", rules: [{ field: "x", operator: "is_empty" }] },
    });
  });

  it.each<[unknown, string]>([
    [null, "rules"],
    [{ combinator: "xor", rules: [] }, ""],
    [{ combinator: "and", rules: [{ field: "x", operator: "between", value: 1 }] }, "rules.0"],
    [{ combinator: "and", rules: [{ field: "x", operator: "in_list", value: 1 }] }, ""],
    [{ combinator: "and", rules: [{ field: "x", operator: "equals", value: [1] }] }, ""],
    [{ combinator: "and", rules: [{ field: "", operator: "equals", value: 1 }] }, ""],
  ])("rejects %j", (input) => {
    expect(parseRuleGroup(input).ok).toBe(false);
  });

  it("rejects absurdly deep trees before validating them recursively", () => {
    let deep: unknown = { combinator: "and", rules: [] };
    for (let i = 0; i < 50_000; i++) deep = { combinator: "and", rules: [deep] };
    expect(parseRuleGroup(deep)).toEqual({ ok: false, message: "Rule groups are nested too deeply (limit 32)" });
  });
});
