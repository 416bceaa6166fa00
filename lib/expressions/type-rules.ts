// Relations between static types: naming, compatibility for comparison, unification (list items,
// coalesce) and assignability (a calculated field's expression against the field's type).
import { t, type Type } from "./types";

export function typeToString(type: Type): string {
  switch (type.kind) {
    case "list":
      return `list<${typeToString(type.element)}>`;
    case "options":
      return "option";
    default:
      return type.kind;
  }
}

const isTextual = (type: Type) => type.kind === "string" || type.kind === "options";
const isTemporal = (type: Type) => type.kind === "date" || type.kind === "datetime";

export const isBooleanLike = (type: Type) => type.kind === "boolean" || type.kind === "unknown";
export const isNumberLike = (type: Type) => type.kind === "number" || type.kind === "unknown";
export const isTextLike = (type: Type) => isTextual(type) || type.kind === "unknown";
export const isTemporalLike = (type: Type) => isTemporal(type) || type.kind === "unknown";

export function containsUnknown(type: Type): boolean {
  return type.kind === "unknown" || (type.kind === "list" && containsUnknown(type.element));
}

/** Whether `==`/`!=` between the two types can ever be true (null and unknown compare with anything). */
export function isEquatable(a: Type, b: Type): boolean {
  if (a.kind === "null" || b.kind === "null" || a.kind === "unknown" || b.kind === "unknown") return true;
  if (isTextual(a) && isTextual(b)) return true;
  if (isTemporal(a) && isTemporal(b)) return true;
  if (a.kind === "list" && b.kind === "list") return isEquatable(a.element, b.element);
  return a.kind === b.kind;
}

/** Whether `<`, `<=`, `>`, `>=` are defined between the two types. */
export function isOrderable(a: Type, b: Type): boolean {
  const isOrdered = (type: Type) => type.kind === "number" || isTextual(type) || isTemporal(type);
  if (a.kind === "unknown") return b.kind === "unknown" || isOrdered(b);
  if (b.kind === "unknown") return isOrdered(a);
  if (a.kind === "number" && b.kind === "number") return true;
  return (isTextual(a) && isTextual(b)) || (isTemporal(a) && isTemporal(b));
}

/** The common type of two values that may stand in the same place, or null when there is none. */
export function unify(a: Type, b: Type): Type | null {
  if (a.kind === "null") return b;
  if (b.kind === "null") return a;
  if (a.kind === "unknown" || b.kind === "unknown") return t.unknown;
  if (a.kind === "options" && b.kind === "options" && a === b) return a;
  if (isTextual(a) && isTextual(b)) return t.string;
  if (isTemporal(a) && isTemporal(b)) return a.kind === b.kind ? a : t.datetime;
  if (a.kind === "list" && b.kind === "list") {
    const element = unify(a.element, b.element);
    return element ? t.list(element) : null;
  }
  return a.kind === b.kind ? a : null;
}

/** Whether a value of type `source` may be stored where `target` is declared. */
export function isAssignable(source: Type, target: Type): boolean {
  if (source.kind === "null" || source.kind === "unknown" || target.kind === "unknown") return true;
  if (target.kind === "string") return isTextual(source);
  if (target.kind === "options") return isTextual(source);
  if (target.kind === "list") return source.kind === "list" && isAssignable(source.element, target.element);
  return source.kind === target.kind;
}
