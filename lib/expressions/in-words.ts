// A condition in plain words for people who do not read the expression language:
// `amount >= 1000 and category in ["travel"]` → `Amount is at least 1,000 and Category is one of "travel"`.
// Anything without a wording of its own (arithmetic, function calls) keeps its canonical source.
import { toText } from "./to-text";
import type { ExprOf } from "./types";

const COMPARISON: Record<string, string> = {
  "==": "is",
  "!=": "is not",
  "<": "is less than",
  "<=": "is at most",
  ">": "is more than",
  ">=": "is at least",
  in: "is one of",
  contains: "contains",
};

export type WordsOptions = {
  /** A field's label by its dotted path (e.g. "amount" → "Amount"); the path itself otherwise. */
  label?: (path: string) => string | undefined;
};

/** The condition in plain words (one line). */
export function inWords<X extends object>(node: ExprOf<X>, options: WordsOptions = {}): string {
  return words(node, options, false);
}

function words<X extends object>(node: ExprOf<X>, options: WordsOptions, nested: boolean): string {
  switch (node.kind) {
    case "literal":
      if (typeof node.value === "number") return node.value.toLocaleString("en-US", { maximumFractionDigits: 10 });
      if (node.value === null) return "empty";
      return typeof node.value === "string" ? `"${node.value}"` : node.value ? "yes" : "no";
    case "field": {
      const path = node.path.join(".");
      return options.label?.(path) ?? path;
    }
    case "list":
      return node.items.map((item) => words(item, options, true)).join(", ");
    case "logical": {
      const text = node.operands.map((operand) => words(operand, options, true)).join(` ${node.op} `);
      return nested && node.operands.length > 1 ? `(${text})` : text;
    }
    case "not": {
      const inner = node.operand;
      if (inner.kind === "binary" && (inner.op === "in" || inner.op === "contains")) {
        return `${words(inner.left, options, true)} ${inner.op === "in" ? "is not one of" : "does not contain"} ${words(inner.right, options, true)}`;
      }
      return `not (${words(inner, options, false)})`;
    }
    case "binary": {
      const phrase = COMPARISON[node.op];
      if (!phrase) return toText(node);
      if (node.op === "==" && node.right.kind === "literal" && node.right.value === null) return `${words(node.left, options, true)} is empty`;
      if (node.op === "!=" && node.right.kind === "literal" && node.right.value === null) return `${words(node.left, options, true)} is not empty`;
      return `${words(node.left, options, true)} ${phrase} ${words(node.right, options, true)}`;
    }
    default:
      return toText(node);
  }
}
