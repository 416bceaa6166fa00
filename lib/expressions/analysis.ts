// Static questions about an expression, for the flow editor: which fields does it read, and for which
// values of one numeric field can it be true (to find gaps and overlaps between branch conditions).
import { childrenOf, pathKey } from "./ast";
import { ALL_NUMBERS, complement, intersect, setFor, union, type NumberSet } from "./number-set";
import type { Expr, ExprOf } from "./types";

/** Every field path the expression reads, as environment keys ("initiator.department"). */
export function fieldsUsed(ast: ExprOf<object>): Set<string> {
  const used = new Set<string>();
  const stack: ExprOf<object>[] = [ast];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.kind === "field") used.add(pathKey(node.path));
    for (const child of childrenOf(node)) stack.push(child);
  }
  return used;
}

const FLIPPED = { "==": "==", "!=": "!=", "<": ">", "<=": ">=", ">": "<", ">=": "<=" } as const;
type Comparison = keyof typeof FLIPPED;
const isComparison = (op: string): op is Comparison => Object.hasOwn(FLIPPED, op);

function numberOf(node: Expr): number | null {
  if (node.kind === "literal" && typeof node.value === "number") return node.value;
  if (node.kind === "negate") {
    const inner = numberOf(node.operand);
    return inner === null ? null : -inner;
  }
  return null;
}

const isTheField = (node: Expr, field: string) => node.kind === "field" && pathKey(node.path) === field;
const isNull = (node: Expr) => node.kind === "literal" && node.value === null;

/**
 * The set of non-null values of `field` for which the condition is true, when the condition only
 * compares that field with number literals (==, !=, <, <=, >, >=, in [..]) under and/or/not; null when
 * it depends on anything else. E.g. `amount >= 1000 and amount < 5000` → [1000, 5000).
 */
export function numericConstraint(ast: Expr, field: string): NumberSet | null {
  switch (ast.kind) {
    case "literal":
      return ast.value === true ? ALL_NUMBERS : ast.value === false ? [] : null;
    case "logical": {
      const parts = ast.operands.map((operand) => numericConstraint(operand, field));
      if (parts.some((part) => part === null)) return null;
      const sets = parts as NumberSet[];
      return ast.op === "and" ? sets.reduce(intersect, ALL_NUMBERS) : union(...sets);
    }
    case "not": {
      const inner = numericConstraint(ast.operand, field);
      return inner === null ? null : complement(inner);
    }
    case "binary": {
      const { op, left, right } = ast;
      if (op === "in" && isTheField(left, field) && right.kind === "list") {
        const points = right.items.map(numberOf);
        return points.every((point) => point !== null) ? union(...points.map((point) => setFor("==", point as number))) : null;
      }
      if (!isComparison(op)) return null;
      // Over non-null values `x == null` never holds and `x != null` always does.
      if ((isTheField(left, field) && isNull(right)) || (isTheField(right, field) && isNull(left))) {
        return op === "==" ? [] : op === "!=" ? ALL_NUMBERS : null;
      }
      const leftValue = numberOf(left);
      const rightValue = numberOf(right);
      if (isTheField(left, field) && rightValue !== null) return setFor(op, rightValue);
      if (isTheField(right, field) && leftValue !== null) return setFor(FLIPPED[op], leftValue);
      return null;
    }
    default:
      return null;
  }
}
