// Changing a field's key (allowed only before it was ever published) must not silently break the
// rules that read it: every condition, calculated expression, unique-within-group list and form rule
// that names the old key is rewritten to the new one. Expressions that do not parse are left as they
// are — they are already reported as problems.
import { parseExpression } from "@/lib/expressions/api";
import { toText } from "@/lib/expressions/to-text";
import type { Expr } from "@/lib/expressions/types";
import type { TFormDefinition } from "@/lib/forms/definition";
import type { TField, TSubField } from "@/lib/forms/field-types";
import { locateField } from "./operations";

type Rename = (path: readonly string[]) => string[] | null;

function mapFields(node: Expr, rename: Rename): { node: Expr; changed: boolean } {
  let changed = false;
  const walk = (current: Expr): Expr => {
    switch (current.kind) {
      case "field": {
        const next = rename(current.path);
        if (!next) return current;
        changed = true;
        return { ...current, path: next };
      }
      case "literal":
        return current;
      case "list":
        return { ...current, items: current.items.map(walk) };
      case "not":
      case "negate":
        return { ...current, operand: walk(current.operand) };
      case "logical":
        return { ...current, operands: current.operands.map(walk) };
      case "binary":
        return { ...current, left: walk(current.left), right: walk(current.right) };
      case "call":
        return { ...current, args: current.args.map(walk) };
    }
  };
  const result = walk(node);
  return { node: result, changed };
}

function rewrite(source: string, rename: Rename): string {
  const parsed = parseExpression(source);
  if (!parsed.ok) return source;
  const mapped = mapFields(parsed.ast, rename);
  return mapped.changed ? toText(mapped.node) : source;
}

type AnyField = TField | TSubField;

function rewriteField<F extends AnyField>(field: F, rename: Rename): F {
  let next: AnyField = field;
  const conditions = (field as { conditions?: Record<string, { source: string } | undefined> }).conditions;
  if (conditions) {
    const rewritten = Object.fromEntries(Object.entries(conditions).map(([kind, condition]) => [kind, condition && { source: rewrite(condition.source, rename) }]));
    next = { ...next, conditions: rewritten } as AnyField;
  }
  if (next.type === "calculated") next = { ...next, expression: rewrite(next.expression, rename) };
  return next as F;
}

/**
 * `definition` with every reference to the field `from` renamed to `to` (the field itself must
 * already carry the new key or be renamed by the caller). For a field inside a repeating group both
 * the row-level name (`price`) and the column path (`items.price`) are rewritten.
 */
export function renameKeyReferences(definition: TFormDefinition, from: string, to: string): TFormDefinition {
  if (from === to) return definition;
  const at = locateField(definition, to) ?? locateField(definition, from);
  const group = at?.container ?? null;
  const rename: Rename = (path) => {
    if (path[0] === from) return [to, ...path.slice(1)];
    if (group !== null && path[0] === group && path[1] === from) return [group, to, ...path.slice(2)];
    return null;
  };
  const fields = definition.fields.map((field) => {
    const top = rewriteField(field, rename);
    if (top.type !== "repeating_group") return top;
    const unique = top.validation?.uniqueWithinGroup?.map((key) => (top.key === group && key === from ? to : key));
    return {
      ...top,
      fields: top.fields.map((sub) => rewriteField(sub, rename)),
      ...(top.validation && { validation: { ...top.validation, ...(unique && { uniqueWithinGroup: unique }) } }),
    };
  });
  const logic = definition.logic?.map((rule) => ({
    ...rule,
    assert: { source: rewrite(rule.assert.source, rename) },
    ...(rule.field === from && group === null ? { field: to } : {}),
  }));
  return { ...definition, fields, ...(logic && { logic }) };
}
