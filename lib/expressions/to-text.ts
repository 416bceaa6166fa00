// Canonical source for an AST: lower-case keywords, `==`, double-quoted strings, minimal parentheses.
// parse(toText(ast)) gives back the same tree (modulo positions), which the property tests check.
import { isBareName } from "./lexer";
import type { ExprOf } from "./types";

const enum Level {
  Or = 1,
  And = 2,
  Not = 3,
  Comparison = 4,
  Additive = 5,
  Multiplicative = 6,
  Unary = 7,
  Primary = 8,
}

const BINARY_LEVEL: Record<string, Level> = {
  "==": Level.Comparison, "!=": Level.Comparison, "<": Level.Comparison, "<=": Level.Comparison, ">": Level.Comparison,
  ">=": Level.Comparison, in: Level.Comparison, contains: Level.Comparison,
  "+": Level.Additive, "-": Level.Additive, "*": Level.Multiplicative, "/": Level.Multiplicative, "%": Level.Multiplicative,
};

// `not (a in b)` prints as `a not in b`, which sits at comparison level.
const isNegatedMembership = (node: ExprOf<object>) =>
  node.kind === "not" && node.operand.kind === "binary" && (node.operand.op === "in" || node.operand.op === "contains");

function levelOf(node: ExprOf<object>): Level {
  switch (node.kind) {
    case "logical":
      return node.op === "or" ? Level.Or : Level.And;
    case "not":
      return isNegatedMembership(node) ? Level.Comparison : Level.Not;
    case "binary":
      return BINARY_LEVEL[node.op];
    case "negate":
      return Level.Unary;
    case "literal":
      // A negative number is read back through the unary rule, so it binds like a prefix minus.
      return typeof node.value === "number" && (node.value < 0 || Object.is(node.value, -0)) ? Level.Unary : Level.Primary;
    default:
      return Level.Primary;
  }
}

const CONTROL = /[\u0000-\u001f\u007f\\"]/g;
const ESCAPED: Record<string, string> = { "\n": "\\n", "\t": "\\t", "\r": "\\r", "\\": "\\\\", '"': '\\"' };

/** A string literal in canonical form. */
export function quoteString(value: string): string {
  return `"${value.replace(CONTROL, (char) => ESCAPED[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`)}"`;
}

/** One path segment: bare when it can be, else backticked. */
export function formatSegment(segment: string): string {
  return isBareName(segment) ? segment : `\`${segment.replace(/[\\`]/g, (char) => `\\${char}`)}\``;
}

export const formatPath = (path: readonly string[]) => path.map(formatSegment).join(".");

function formatNumber(value: number): string {
  return Object.is(value, -0) ? "-0" : String(value);
}

export type TextOptions<X> = {
  /** Text appended after a node, e.g. its value in explanations: `amount (12000) >= 1000`. */
  annotate?: (node: ExprOf<X>) => string | undefined;
};

/** Canonical source text for an AST (parsed or typed). */
export function toText<X extends object>(node: ExprOf<X>, options: TextOptions<X> = {}): string {
  return withNote(render(node, options), node, options);
}

function withNote<X extends object>(text: string, node: ExprOf<X>, options: TextOptions<X>): string {
  const note = options.annotate?.(node);
  return note ? `${text} ${note}` : text;
}

function render<X extends object>(node: ExprOf<X>, options: TextOptions<X>): string {
  const print = (child: ExprOf<X>, minLevel: Level): string => {
    const text = render(child, options);
    return withNote(levelOf(child) < minLevel ? `(${text})` : text, child, options);
  };
  const list = (items: ExprOf<X>[]) => items.map((item) => print(item, Level.Or)).join(", ");
  switch (node.kind) {
    case "literal":
      if (typeof node.value === "string") return quoteString(node.value);
      return typeof node.value === "number" ? formatNumber(node.value) : String(node.value);
    case "list":
      return `[${list(node.items)}]`;
    case "field":
      return formatPath(node.path);
    case "call":
      return `${node.name}(${list(node.args)})`;
    case "not": {
      const inner = node.operand;
      if (inner.kind === "binary" && isNegatedMembership(node)) {
        return `${print(inner.left, Level.Additive)} not ${inner.op} ${print(inner.right, Level.Additive)}`;
      }
      return `not ${print(inner, Level.Not)}`;
    }
    case "negate": {
      const operand = node.operand;
      // `-5` would read back as the literal -5, so a negated number literal keeps its parentheses.
      const isPlainNumber = operand.kind === "literal" && typeof operand.value === "number" && levelOf(operand) === Level.Primary;
      const inner = isPlainNumber ? withNote(`(${render(operand, options)})`, operand, options) : print(operand, Level.Unary);
      return inner.startsWith("-") ? `- ${inner}` : `-${inner}`;
    }
    case "logical": {
      // An empty group is its identity; a single operand is just that operand.
      if (node.operands.length === 0) return node.op === "and" ? "true" : "false";
      const level = node.op === "or" ? Level.Or : Level.And;
      // Operands at the same level are parenthesised so nested groups keep their shape.
      return node.operands.map((operand) => print(operand, level + 1)).join(` ${node.op} `);
    }
    case "binary": {
      const level = BINARY_LEVEL[node.op];
      const leftMin = level === Level.Comparison ? Level.Additive : level;
      const rightMin = level === Level.Comparison ? Level.Additive : level + 1;
      return `${print(node.left, leftMin)} ${node.op} ${print(node.right, rightMin)}`;
    }
  }
}
