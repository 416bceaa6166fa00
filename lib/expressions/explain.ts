// "Why was this branch taken": the tree of sub-conditions with the values they had, e.g.
//   all of → true
//     amount (12000) >= 1000 → true
//     category ("travel") in ["travel", "equipment"] → true
import { evaluateNode, contextFor, type EvaluateOptions } from "./evaluate";
import { toText } from "./to-text";
import type { TypedExpr, Value } from "./types";
import { formatValue } from "./values";

export type Explanation = {
  /** Canonical source of the sub-expression, e.g. `amount >= 1000`. */
  source: string;
  /** The source with the values of its non-constant operands, e.g. `amount (12000) >= 1000`. */
  text: string;
  value: Value;
  /** The value as source-like text, e.g. `true`, `12000`, `2026-01-31`. */
  display: string;
  children: Explanation[];
};

// Constants are shown as written; annotating `1000 (1000)` would only add noise.
function isConstant(node: TypedExpr): boolean {
  switch (node.kind) {
    case "literal":
      return true;
    case "list":
      return node.items.every(isConstant);
    case "negate":
      return isConstant(node.operand);
    case "call":
      return (node.name === "date" || node.name === "datetime") && node.args.every(isConstant);
    default:
      return false;
  }
}

function directOperands(node: TypedExpr): readonly TypedExpr[] {
  switch (node.kind) {
    case "binary":
      return [node.left, node.right];
    case "call":
      return node.args;
    case "negate":
      return [node.operand];
    case "not":
      return node.operand.kind === "binary" ? [node.operand.left, node.operand.right] : [node.operand];
    default:
      return [];
  }
}

function build(node: TypedExpr, values: Map<TypedExpr, Value>): Explanation {
  const value = values.get(node) ?? null;
  const base = { source: toText(node), value, display: formatValue(value, node.type) };
  const isNegatedMembership = node.kind === "not" && node.operand.kind === "binary" && (node.operand.op === "in" || node.operand.op === "contains");
  if (node.kind === "logical") {
    return { ...base, text: node.op === "and" ? "all of" : "any of", children: node.operands.map((operand) => build(operand, values)) };
  }
  if (node.kind === "not" && !isNegatedMembership) {
    return { ...base, text: "not", children: [build(node.operand, values)] };
  }
  const annotated = new Set(directOperands(node).filter((operand) => !isConstant(operand)));
  const text = toText(node, {
    annotate: (child) => (annotated.has(child) ? `(${formatValue(values.get(child) ?? null, child.type)})` : undefined),
  });
  return { ...base, text, children: [] };
}

/** Evaluates `ast` over `data` and returns every sub-condition with its value; never throws. */
export function explain(ast: TypedExpr, data: unknown, options: EvaluateOptions = {}): Explanation {
  const values = new Map<TypedExpr, Value>();
  try {
    // Eager evaluation (no short-circuit) so every sub-condition has a value to show.
    const { now, timeZone } = contextFor(options);
    evaluateNode(ast, { now, timeZone, data, trace: values });
  } catch {
    values.clear();
  }
  return build(ast, values);
}

/** Indented lines such as `amount (12000) >= 1000 → true`. */
export function formatExplanation(explanation: Explanation, depth = 0): string {
  const line = `${"  ".repeat(depth)}${explanation.text} → ${explanation.display}`;
  return [line, ...explanation.children.map((child) => formatExplanation(child, depth + 1))].join("\n");
}
