import { describe, expect, it } from "vitest";
import { stripSpans } from "@/lib/expressions/ast";
import { parse } from "@/lib/expressions/parser";
import { toText } from "@/lib/expressions/to-text";
import { DEFAULT_LIMITS, type Expr } from "@/lib/expressions/types";

function ast(source: string): Expr {
  const result = parse(source);
  if (!result.ok) throw new Error(`${source}: ${result.diagnostics[0].message}`);
  return result.ast;
}

// Fully parenthesised rendering makes precedence visible in one string.
function shape(node: Expr): string {
  switch (node.kind) {
    case "literal":
      return JSON.stringify(node.value);
    case "field":
      return node.path.join(".");
    case "list":
      return `[${node.items.map(shape).join(" ")}]`;
    case "not":
      return `(not ${shape(node.operand)})`;
    case "negate":
      return `(neg ${shape(node.operand)})`;
    case "logical":
      return `(${node.op} ${node.operands.map(shape).join(" ")})`;
    case "binary":
      return `(${node.op} ${shape(node.left)} ${shape(node.right)})`;
    case "call":
      return `${node.name}(${node.args.map(shape).join(" ")})`;
  }
}

function error(source: string) {
  const result = parse(source);
  if (result.ok) throw new Error(`expected a parse error for ${source}`);
  return result.diagnostics[0];
}

describe("parse: precedence and associativity", () => {
  it.each([
    ["a or b and c", "(or a (and b c))"],
    ["a and b or c and d", "(or (and a b) (and c d))"],
    ["a || b && c", "(or a (and b c))"],
    ["a and b and c", "(and a b c)"],
    ["a and (b and c)", "(and a (and b c))"],
    ["not a and b", "(and (not a) b)"],
    ["not a == b", "(not (== a b))"],
    ["!a == b", "(not (== a b))"],
    ["not not a", "(not (not a))"],
    ["a == b + c * d", "(== a (+ b (* c d)))"],
    ["a - b - c", "(- (- a b) c)"],
    ["a - (b - c)", "(- a (- b c))"],
    ["a / b * c % d", "(% (* (/ a b) c) d)"],
    ["-a * b", "(* (neg a) b)"],
    ["-(a * b)", "(neg (* a b))"],
    ["-5 * 2", '(* -5 2)'],
    ["a - -5", "(- a -5)"],
    ["- -5", "(neg -5)"],
    ["-(5)", "(neg 5)"],
    ["x in [1, 2, 3]", "(in x [1 2 3])"],
    ["x not in [1]", "(not (in x [1]))"],
    ["name not contains \"x\"", '(not (contains name "x"))'],
    ["tags contains 'a' and b", '(and (contains tags "a") b)'],
    ["a = 1", "(== a 1)"],
    ["a >= 1000", "(>= a 1000)"],
    ["payload.order.total > 1", "(> payload.order.total 1)"],
    ["`Total (USD)` <= 3", "(<= Total (USD) 3)"],
    ["round(a * 1.2, 2)", "round((* a 1.2) 2)"],
    ["today()", "today()"],
    ["[]", "[]"],
    ["date(\"2026-01-31\") < d", '(< date("2026-01-31") d)'],
    ["TRUE Or Null", "(or true null)"],
    ["((a))", "a"],
  ])("%s", (source, expected) => {
    expect(shape(ast(source))).toBe(expected);
  });

  it("keeps `1_000` as a thousand and reads -0 as negative zero", () => {
    expect(ast("1_000")).toMatchObject({ kind: "literal", value: 1000 });
    expect(Object.is((ast("-0") as { value: number }).value, -0)).toBe(true);
  });

  it("records spans that cover what the user wrote, including parentheses", () => {
    const node = ast("amount >= (1000 + x)");
    expect(node).toMatchObject({ start: 0, end: 20, right: { start: 10, end: 20 } });
    expect(ast("  a.b ")).toMatchObject({ kind: "field", path: ["a", "b"], start: 2, end: 5 });
    expect(ast("len(x)")).toMatchObject({ start: 0, end: 6 });
  });
});

describe("parse: errors", () => {
  it.each([
    ["", "Unexpected end of expression", 0],
    ["amount >=", "Unexpected end of expression", 9],
    ["a < b < c", "Comparisons cannot be chained", 6],
    ["(a + b", 'Expected ")" to close "(" at 0', 6],
    ["[1, 2", 'Expected "]" to close "[" at 0', 5],
    ["f(1, 2", 'Expected ")" to close "(" at 1', 6],
    ["amount 5", "Unexpected number 5 (missing an operator", 7],
    ["a and or b", 'Expected a value, found "or"', 6],
    ["a.", 'Expected a field name after "."', 2],
    ["a.1", 'Expected a field name after "."', 2],
    ["a.b(1)", "Only functions can be called", 3],
    ["[1, ]", 'Expected a value, found "]"', 4],
    [")", 'Expected a value, found ")"', 0],
  ])("%j → %s", (source, message, start) => {
    const diagnostic = error(source);
    expect(diagnostic.message).toContain(message);
    expect(diagnostic.start).toBe(start);
  });
});

describe("parse: limits against hostile input", () => {
  it("rejects source over the length limit", () => {
    const source = `a == ${"1".repeat(DEFAULT_LIMITS.maxLength)}`;
    expect(error(source).message).toMatch(/too long/);
  });

  it("rejects nesting past the limit instead of overflowing the stack", () => {
    expect(parse(`${"(".repeat(64)}1${")".repeat(64)}`).ok).toBe(true);
    expect(error(`${"(".repeat(65)}1${")".repeat(65)}`).message).toMatch(/nested too deeply/);
    expect(error(`${"(".repeat(3000)}`).message).toMatch(/nested too deeply/);
    expect(error(`${"not ".repeat(900)}a`).message).toMatch(/nested too deeply/);
    expect(error(`${"-".repeat(900)}a`).message).toMatch(/nested too deeply/);
    expect(error(`${"[".repeat(900)}`).message).toMatch(/nested too deeply/);
    expect(error(`${"f(".repeat(900)}`).message).toMatch(/nested too deeply/);
  });

  it("rejects a chain whose tree would be deeper than the depth limit", () => {
    expect(parse(Array.from({ length: 200 }, () => "a").join(" + ")).ok).toBe(true);
    expect(error(Array.from({ length: 300 }, () => "a").join(" + ")).message).toMatch(/nested too deeply \(limit 256 levels\)/);
  });

  it("keeps long and/or chains flat, so a big rule group is not deep", () => {
    const source = Array.from({ length: 300 }, (_, i) => `x == ${i}`).join(" or ");
    const result = parse(source);
    expect(result.ok && result.ast.kind === "logical" && result.ast.operands.length).toBe(300);
  });

  it("rejects list literals over the item limit", () => {
    expect(parse(`[${Array(1000).fill(1).join(",")}]`).ok).toBe(true);
    expect(error(`[${Array(1001).fill(1).join(",")}]`).message).toMatch(/Too many items \(limit 1000\)/);
  });

  it("honours custom limits", () => {
    const limits = { ...DEFAULT_LIMITS, maxLength: 10, maxNesting: 2 };
    expect(parse("a == 12345678", limits).ok).toBe(false);
    expect(parse("((1))", limits).ok).toBe(true);
    expect(parse("(((1)))", limits).ok).toBe(false);
  });
});

describe("parse ∘ toText", () => {
  it.each(["a or b and c", "not (a or b)", "x not in [1, 2]", "-(a * b) - -5", "`odd key`.`in` == 'x'", "a - (b - c)"])("round-trips %s", (source) => {
    const first = ast(source);
    expect(stripSpans(ast(toText(first)))).toEqual(stripSpans(first));
  });
});
