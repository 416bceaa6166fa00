// Generic AST helpers shared by the passes: children, a stack-safe depth check, span stripping.
import type { Expr, ExprOf } from "./types";

/** The direct sub-expressions of a node, in source order. */
export function childrenOf<X>(node: ExprOf<X>): ExprOf<X>[] {
  switch (node.kind) {
    case "literal":
    case "field":
      return [];
    case "list":
      return node.items;
    case "not":
    case "negate":
      return [node.operand];
    case "logical":
      return node.operands;
    case "binary":
      return [node.left, node.right];
    case "call":
      return node.args;
  }
}

/**
 * Whether the tree is deeper than `limit`. Iterative on purpose: it guards the recursive passes, so it
 * must itself survive arbitrarily deep (programmatically built) trees.
 */
export function depthExceeds(root: Expr, limit: number): boolean {
  const stack: Array<[Expr, number]> = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > limit) return true;
    for (const child of childrenOf(node)) stack.push([child, depth + 1]);
  }
  return false;
}

/** The key a field path has in a type environment and in `fieldsUsed`: segments joined by ".". */
export const pathKey = (path: readonly string[]) => path.join(".");

type Unspanned = { kind: string; [key: string]: unknown };

/** A copy without positions (and types), for comparing trees "modulo positions". */
export function stripSpans(node: ExprOf<object>): Unspanned {
  switch (node.kind) {
    case "literal":
      return { kind: node.kind, value: node.value };
    case "field":
      return { kind: node.kind, path: [...node.path] };
    case "list":
      return { kind: node.kind, items: node.items.map(stripSpans) };
    case "not":
    case "negate":
      return { kind: node.kind, operand: stripSpans(node.operand) };
    case "logical":
      return { kind: node.kind, op: node.op, operands: node.operands.map(stripSpans) };
    case "binary":
      return { kind: node.kind, op: node.op, left: stripSpans(node.left), right: stripSpans(node.right) };
    case "call":
      return { kind: node.kind, name: node.name, args: node.args.map(stripSpans) };
  }
}
