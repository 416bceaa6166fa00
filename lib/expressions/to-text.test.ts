import { describe, expect, it } from "vitest";
import { stripSpans } from "@/lib/expressions/ast";
import { parse } from "@/lib/expressions/parser";
import { formatSegment, quoteString, toText } from "@/lib/expressions/to-text";
import type { Expr } from "@/lib/expressions/types";

function canonical(source: string): string {
  const result = parse(source);
  if (!result.ok) throw new Error(result.diagnostics[0].message);
  return toText(result.ast);
}

const node = (fields: Record<string, unknown>) => ({ start: 0, end: 0, ...fields }) as Expr;
const lit = (value: number | string | boolean | null) => node({ kind: "literal", value });

describe("toText", () => {
  it.each([
    ["a  AND b || c", "a and b or c"],
    ["a && (b || c)", "a and (b or c)"],
    ["(a and b) and c", "(a and b) and c"],
    ["!(a == b)", "not a == b"],
    ["not (a and b)", "not (a and b)"],
    ["NOT x IN [1,2]", "x not in [1, 2]"],
    ["not (x in [1])", "x not in [1]"],
    ["(x not in y) == false", "(x not in y) == false"],
    ["a = 'it\\'s'", 'a == "it\'s"'],
    ["((a + b)) * c", "(a + b) * c"],
    ["a + (b * c)", "a + b * c"],
    ["a - (b + c)", "a - (b + c)"],
    ["(a - b) + c", "a - b + c"],
    ["-(5)", "-(5)"],
    ["- -5", "- -5"],
    ["-(-a)", "- -a"],
    ["-(a + 1)", "-(a + 1)"],
    ["1_000.50", "1000.5"],
    ["`Total (USD)` > 1", "`Total (USD)` > 1"],
    ["payload.`order id`.`in`", "payload.`order id`.`in`"],
    ["f( 1 ,2 )", "f(1, 2)"],
    ["[ ]", "[]"],
    ["date('2026-01-31')", 'date("2026-01-31")'],
  ])("%s → %s", (source, expected) => {
    expect(canonical(source)).toBe(expected);
  });

  it("escapes strings and odd names so they read back identically", () => {
    expect(quoteString('a"b\\c\n\t\u0001')).toBe('"a\\"b\\\\c\\n\\t\\u0001"');
    expect(formatSegment("a`b\\c")).toBe("`a\\`b\\\\c`");
    expect(formatSegment("")).toBe("``");
    for (const value of ['a"b\\c\n\t\u0001\u007f', "é😀", "\ud800"]) {
      const parsed = parse(quoteString(value));
      expect(parsed.ok && parsed.ast).toMatchObject({ kind: "literal", value });
    }
  });

  it("prints numbers so they read back exactly, including -0 and exponents", () => {
    for (const value of [0, -0, 1e21, 5e-324, -1.5e-7, 1.7976931348623157e308, 0.1 + 0.2]) {
      const parsed = parse(toText(lit(value)));
      expect(parsed.ok && Object.is((parsed.ast as { value: number }).value, value)).toBe(true);
    }
  });

  it("keeps the shape of programmatic trees that the parser would read differently", () => {
    const trees: Expr[] = [
      node({ kind: "negate", operand: lit(5) }),
      node({ kind: "negate", operand: lit(-5) }),
      node({ kind: "binary", op: "-", left: lit(1), right: node({ kind: "binary", op: "-", left: lit(2), right: lit(3) }) }),
      node({ kind: "logical", op: "and", operands: [lit(true), node({ kind: "logical", op: "and", operands: [lit(true), lit(false)] })] }),
      node({ kind: "not", operand: node({ kind: "logical", op: "or", operands: [lit(true), lit(false)] }) }),
      node({ kind: "binary", op: "==", left: node({ kind: "binary", op: "<", left: lit(1), right: lit(2) }), right: lit(true) }),
      node({ kind: "field", path: ["and", "", "x y"] }),
    ];
    for (const tree of trees) {
      const parsed = parse(toText(tree));
      expect(parsed.ok && stripSpans(parsed.ast)).toEqual(stripSpans(tree));
    }
  });

  it("prints empty groups as their identity", () => {
    expect(toText(node({ kind: "logical", op: "and", operands: [] }))).toBe("true");
    expect(toText(node({ kind: "logical", op: "or", operands: [] }))).toBe("false");
  });

  it("appends annotations after each node, outside its parentheses", () => {
    const parsed = parse("(a + b) * 2 > 10");
    const text = parsed.ok ? toText(parsed.ast, { annotate: (n) => (n.kind === "binary" && n.op === "+" ? "(3)" : undefined) }) : "";
    expect(text).toBe("(a + b) (3) * 2 > 10");
  });
});
