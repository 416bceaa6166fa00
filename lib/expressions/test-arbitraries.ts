// fast-check generators for the property tests: arbitrary ASTs, well-typed ASTs over ENV, data that
// may or may not match ENV, token soup, and rule-builder trees.
import fc from "fast-check";
import { FUNCTIONS } from "./functions";
import type { Rule, RuleGroup, RuleScalar } from "./rules";
import { t, type BinaryOperator, type Expr, type TypeEnv } from "./types";

const S = { start: 0, end: 0 };
const lit = (value: number | string | boolean | null): Expr => ({ kind: "literal", value, ...S });
const field = (...path: string[]): Expr => ({ kind: "field", path, ...S });
const call = (name: string, ...args: Expr[]): Expr => ({ kind: "call", name, args, ...S });
const bin = (op: BinaryOperator, left: Expr, right: Expr): Expr => ({ kind: "binary", op, left, right, ...S });

const finiteNumber = fc.oneof(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.double({ noNaN: true, noDefaultInfinity: true }));
const anyText = fc.string({ unit: "binary", maxLength: 8 });

/** Any syntactically representable AST (not necessarily well-typed). */
export const anyExpr: fc.Arbitrary<Expr> = fc.letrec<{ expr: Expr }>((tie) => ({
  expr: fc.oneof(
    { depthSize: "small", maxDepth: 5, withCrossShrink: true },
    fc.oneof(finiteNumber, anyText, fc.boolean(), fc.constant(null)).map(lit),
    fc.array(fc.oneof(fc.constantFrom("amount", "and", "x y", "", "a.b", "Total (USD)"), anyText), { minLength: 1, maxLength: 3 }).map((path) => field(...path)),
    fc.array(tie("expr"), { maxLength: 3 }).map((items): Expr => ({ kind: "list", items, ...S })),
    tie("expr").map((operand): Expr => ({ kind: "not", operand, ...S })),
    tie("expr").map((operand): Expr => ({ kind: "negate", operand, ...S })),
    fc
      .tuple(fc.constantFrom("and" as const, "or" as const), fc.array(tie("expr"), { minLength: 2, maxLength: 3 }))
      .map(([op, operands]): Expr => ({ kind: "logical", op, operands, ...S })),
    fc
      .tuple(fc.constantFrom<BinaryOperator>("==", "!=", "<", "<=", ">", ">=", "in", "contains", "+", "-", "*", "/", "%"), tie("expr"), tie("expr"))
      .map(([op, left, right]) => bin(op, left, right)),
    fc.tuple(fc.constantFrom(...Object.keys(FUNCTIONS), "custom_fn"), fc.array(tie("expr"), { maxLength: 3 })).map(([name, args]) => call(name, ...args)),
  ),
})).expr;

export const ENV: TypeEnv = {
  n1: t.number,
  n2: t.number,
  "grp.n": t.number,
  s1: t.string,
  cat: t.options(["a", "b", "c"]),
  b1: t.boolean,
  d1: t.date,
  dt1: t.datetime,
  tags: t.list(t.string),
  nums: t.list(t.number),
  "rows.v": t.list(t.number),
  payload: t.unknown,
};

type Kind = "number" | "string" | "boolean" | "date" | "datetime" | "numbers" | "strings";
const dateText = fc.date({ min: new Date("1900-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }).map((d) => d.toISOString());

// Memoised: building the arbitraries is recursive per kind and depth, and would otherwise be exponential.
const typedCache = new Map<string, fc.Arbitrary<Expr>>();

function typed(kind: Kind, depth: number): fc.Arbitrary<Expr> {
  const key = `${kind}:${depth}`;
  let arbitrary = typedCache.get(key);
  if (!arbitrary) {
    arbitrary = buildTyped(kind, depth);
    typedCache.set(key, arbitrary);
  }
  return arbitrary;
}

function buildTyped(kind: Kind, depth: number): fc.Arbitrary<Expr> {
  const sub = (k: Kind) => typed(k, depth - 1);
  const unknownPath = fc.array(fc.constantFrom("x", "y", "flag", "constructor", "__proto__"), { minLength: 1, maxLength: 2 }).map((rest) => field("payload", ...rest));
  const leaves: Record<Kind, fc.Arbitrary<Expr>> = {
    number: fc.oneof(finiteNumber.map(lit), fc.constantFrom(field("n1"), field("n2"), field("grp", "n")), unknownPath),
    // The option field appears through upper() so random literals never meet it (see the boolean cases).
    string: fc.oneof(anyText.map(lit), fc.constantFrom(field("s1"), call("upper", field("cat")), lit("a"))),
    boolean: fc.oneof(fc.boolean().map(lit), fc.constant(field("b1")), unknownPath),
    date: fc.oneof(fc.constant(field("d1")), fc.constant(call("today")), dateText.map((text) => call("date", lit(text.slice(0, 10))))),
    datetime: fc.oneof(fc.constant(field("dt1")), fc.constant(call("now")), dateText.map((text) => call("datetime", lit(text)))),
    numbers: fc.oneof(fc.constantFrom(field("nums"), field("rows", "v")), fc.array(finiteNumber.map(lit), { maxLength: 3 }).map((items): Expr => ({ kind: "list", items, ...S }))),
    strings: fc.oneof(fc.constant(field("tags")), fc.array(anyText.map(lit), { maxLength: 3 }).map((items): Expr => ({ kind: "list", items, ...S }))),
  };
  if (depth <= 0) return leaves[kind];
  const arithmetic = fc.constantFrom<BinaryOperator>("+", "-", "*", "/", "%");
  const ordering = fc.constantFrom<BinaryOperator>("==", "!=", "<", "<=", ">", ">=");
  const compound: Record<Kind, fc.Arbitrary<Expr>[]> = {
    number: [
      fc.tuple(arithmetic, sub("number"), sub("number")).map(([op, a, b]) => bin(op, a, b)),
      sub("number").map((operand): Expr => ({ kind: "negate", operand, ...S })),
      fc.tuple(fc.constantFrom("round", "abs"), sub("number")).map(([name, a]) => call(name, a)),
      fc.tuple(fc.constantFrom("min", "max", "round", "coalesce"), sub("number"), sub("number")).map(([name, a, b]) => call(name, a, b)),
      fc.oneof(sub("string"), sub("numbers"), sub("strings")).map((a) => call("len", a)),
      sub("numbers").map((a) => call("sum", a)),
      fc.tuple(fc.oneof(sub("date"), sub("datetime")), fc.oneof(sub("date"), sub("datetime"))).map(([a, b]) => call("days_between", a, b)),
    ],
    string: [
      fc.tuple(sub("string"), sub("string")).map(([a, b]) => bin("+", a, b)),
      fc.tuple(fc.constantFrom("lower", "upper"), sub("string")).map(([name, a]) => call(name, a)),
    ],
    boolean: [
      sub("boolean").map((operand): Expr => ({ kind: "not", operand, ...S })),
      fc.tuple(fc.constantFrom("and" as const, "or" as const), fc.array(sub("boolean"), { minLength: 2, maxLength: 3 })).map(([op, operands]): Expr => ({ kind: "logical", op, operands, ...S })),
      fc.tuple(ordering, sub("number"), sub("number")).map(([op, a, b]) => bin(op, a, b)),
      fc.tuple(ordering, fc.oneof(sub("date"), sub("datetime")), fc.oneof(sub("date"), sub("datetime"))).map(([op, a, b]) => bin(op, a, b)),
      fc.tuple(ordering, sub("string"), sub("string")).map(([op, a, b]) => bin(op, a, b)),
      fc.tuple(sub("number"), sub("numbers")).map(([a, b]) => bin("in", a, b)),
      fc.tuple(sub("strings"), sub("string")).map(([a, b]) => bin("contains", a, b)),
      fc.tuple(sub("string"), sub("string")).map(([a, b]) => bin("contains", a, b)),
      fc.tuple(fc.constantFrom("is_empty", "is_not_empty"), fc.oneof(sub("string"), sub("numbers"), sub("number"))).map(([name, a]) => call(name, a)),
      fc.tuple(fc.constantFrom<BinaryOperator>("==", "!="), sub("number")).map(([op, a]) => bin(op, a, lit(null))),
      fc.tuple(fc.constantFrom<BinaryOperator>("==", "!="), fc.constantFrom("a", "b", "c")).map(([op, value]) => bin(op, field("cat"), lit(value))),
      fc.subarray(["a", "b", "c"]).map((values) => bin("in", field("cat"), { kind: "list", items: values.map(lit), ...S })),
    ],
    date: [fc.tuple(sub("date"), sub("number")).map(([a, b]) => call("add_days", a, b)), sub("datetime").map((a) => call("date", a))],
    datetime: [fc.tuple(sub("datetime"), sub("number")).map(([a, b]) => call("add_days", a, b))],
    numbers: [],
    strings: [],
  };
  return fc.oneof({ withCrossShrink: true }, leaves[kind], ...compound[kind]);
}

/** A well-typed AST of the given kind over ENV. */
export const typedExpr = (kind: Kind = "boolean", depth = 3) => typed(kind, depth);

const hostileValue = fc.anything({
  withBoxedValues: true, withMap: true, withSet: true, withObjectString: true, withNullPrototype: true,
  withBigInt: true, withDate: true, withTypedArray: true, withSparseArray: true, maxDepth: 3,
});
const maybe = <T>(good: fc.Arbitrary<T>) => fc.oneof(good, good, fc.constant(null), fc.constant(undefined), hostileValue);

/** Data for ENV: mostly well-typed, sometimes missing, null or of a completely different kind. */
export const envData = fc.record(
  {
    n1: maybe(fc.oneof(finiteNumber, finiteNumber.map(String))),
    n2: maybe(finiteNumber),
    grp: maybe(fc.record({ n: maybe(finiteNumber) }, { requiredKeys: [] })),
    s1: maybe(anyText),
    cat: maybe(fc.constantFrom("a", "b", "c", "d")),
    b1: maybe(fc.boolean()),
    d1: maybe(fc.oneof(dateText.map((text) => text.slice(0, 10)), dateText, fc.date())),
    dt1: maybe(fc.oneof(dateText, fc.date())),
    tags: maybe(fc.array(maybe(anyText), { maxLength: 4 })),
    nums: maybe(fc.array(maybe(finiteNumber), { maxLength: 4 })),
    rows: maybe(fc.array(maybe(fc.record({ v: maybe(finiteNumber) }, { requiredKeys: [] })), { maxLength: 4 })),
    payload: maybe(fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.record({ x: fc.jsonValue(), y: maybe(dateText), flag: fc.boolean() }))),
  },
  { requiredKeys: [] },
);

const TOKENS = [
  "(", ")", "[", "]", ",", ".", "and", "or", "not", "in", "contains", "==", "=", "!=", "<", "<=", ">", ">=", "+", "-", "*", "/", "%",
  "!", "&&", "||", "n1", "cat", "payload.x", "'a'", '"b"', "1", "2.5", "1_000", "null", "true", "date(", "len(", "round(", "`odd`",
  '"', "'", "`", "\\", "@", "1e", " ", "\n",
];
/** Near-miss source text: random sequences of real tokens plus a few broken ones. */
export const tokenSoup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 25 }).map((tokens) => tokens.join(" "));

const ruleField = fc.string({ unit: "binary", minLength: 1, maxLength: 8 });
const scalar: fc.Arbitrary<RuleScalar> = fc.oneof(anyText, finiteNumber, fc.boolean(), fc.constant(null));
const rule: fc.Arbitrary<Rule> = fc.oneof(
  fc.record({
    field: ruleField,
    operator: fc.constantFrom("equals", "not_equals", "greater_than", "greater_or_equal", "less_than", "less_or_equal", "contains" as const),
    value: scalar,
  }),
  fc.record({ field: ruleField, operator: fc.constant("in_list" as const), value: fc.array(scalar, { maxLength: 3 }) }),
  fc.record({ field: ruleField, operator: fc.constantFrom("is_empty" as const, "is_not_empty" as const) }),
);
/** Rule trees in which every group has at least two members (one-member groups collapse by design). */
export const ruleGroup: fc.Arbitrary<RuleGroup> = fc.letrec<{ group: RuleGroup }>((tie) => ({
  group: fc.record({
    combinator: fc.constantFrom("and" as const, "or" as const),
    rules: fc.array(fc.oneof({ maxDepth: 3, depthSize: "small" }, rule, tie("group")), { minLength: 2, maxLength: 4 }),
  }),
})).group;
