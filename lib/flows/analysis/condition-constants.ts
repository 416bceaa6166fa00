// Which constants each field is compared with in a condition — the cut points of the coverage
// check's sample values — and whether the condition stays within what that check decides exactly:
// and/or/not over comparisons of one field with constants, membership in a list of constants,
// is_empty/is_not_empty, and yes/no fields on their own.
import { childrenOf, pathKey } from "@/lib/expressions/ast";
import { parseDate, parseDateTime } from "@/lib/expressions/temporal";
import type { Expr, Type } from "@/lib/expressions/types";
import type { FieldDomain } from "./samples";

const COMPARISONS = new Set(["==", "!=", "<", "<=", ">", ">="]);

export type Constant = number | string | boolean | null;

// The constant a node stands for: numbers, text, booleans, null, and date("…")/datetime("…") as epoch ms.
function constantOf(node: Expr): { value: Constant } | null {
  if (node.kind === "literal") return { value: node.value };
  if (node.kind === "negate" && node.operand.kind === "literal" && typeof node.operand.value === "number") return { value: -node.operand.value };
  if (node.kind === "call" && (node.name === "date" || node.name === "datetime") && node.args.length === 1) {
    const [arg] = node.args;
    if (arg.kind !== "literal" || typeof arg.value !== "string") return null;
    const parsed = node.name === "date" ? parseDate(arg.value) : parseDateTime(arg.value);
    return parsed ? { value: parsed.getTime() } : null;
  }
  return null;
}

// Whether a constant fits the field's type the way the evaluator compares them (anything else: not analysed).
function fits(type: Type, value: Constant, op: string): boolean {
  if (value === null) return op === "==" || op === "!=";
  switch (type.kind) {
    case "number":
    case "date":
    case "datetime":
      return typeof value === "number";
    case "boolean":
      return typeof value === "boolean" && (op === "==" || op === "!=");
    case "options":
    case "string":
      return typeof value === "string" && (op === "==" || op === "!=" || op === "in");
    default:
      return false;
  }
}

export type Scan = { constants: Map<string, Constant[]>; problem: string | null };

// Collects the constants each field is compared with; sets `problem` at the first construct it cannot decide.
export function scan(node: Expr, fields: Readonly<Record<string, FieldDomain>>, out: Scan): void {
  if (out.problem) return;
  const fieldOf = (candidate: Expr) => (candidate.kind === "field" && Object.hasOwn(fields, pathKey(candidate.path)) ? pathKey(candidate.path) : null);
  const note = (path: string, value: Constant) => {
    const list = out.constants.get(path) ?? [];
    list.push(value);
    out.constants.set(path, list);
  };
  switch (node.kind) {
    case "literal":
      if (typeof node.value !== "boolean") out.problem = "it is not a yes/no condition";
      return;
    case "not":
    case "logical":
      for (const child of childrenOf(node)) scan(child, fields, out);
      return;
    case "field": {
      const path = fieldOf(node);
      if (path && fields[path].type.kind === "boolean") note(path, true);
      else out.problem = `it reads "${pathKey(node.path)}" in a way this check cannot decide`;
      return;
    }
    case "call": {
      const path = node.args.length === 1 ? fieldOf(node.args[0]) : null;
      if ((node.name === "is_empty" || node.name === "is_not_empty") && path) note(path, null);
      else out.problem = `it calls ${node.name}()`;
      return;
    }
    case "binary": {
      const { op, left, right } = node;
      if (op === "in") {
        const path = fieldOf(left);
        const items = right.kind === "list" ? right.items.map(constantOf) : null;
        if (path && items && items.every((item) => item !== null && item.value !== null && fits(fields[path].type, item.value, "in"))) {
          for (const item of items) note(path, item!.value);
          return;
        }
        out.problem = "it tests membership in something other than a list of values";
        return;
      }
      if (COMPARISONS.has(op)) {
        const [path, constant] = fieldOf(left) ? [fieldOf(left), constantOf(right)] : [fieldOf(right), constantOf(left)];
        if (path && constant && fits(fields[path].type, constant.value, op)) {
          note(path, constant.value);
          return;
        }
      }
      out.problem = op === "contains" ? "it matches text or lists (contains)" : `it uses "${op}" on something other than a field and a value`;
      return;
    }
    default:
      out.problem = "it uses arithmetic";
  }
}
