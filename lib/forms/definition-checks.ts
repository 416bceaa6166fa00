// Invariants of a definition that zod shapes cannot express on their own: unique keys (across groups
// too), unique option values, consistent bounds, safe patterns, valid defaults, and — stricter, for
// publishing — a form someone can actually fill in. Every problem carries the path of the offending
// property so the builder can highlight it.
import { parseDateTime } from "@/lib/expressions/temporal";
import type { TIssue, TPath } from "./compile";
import type { TFormDefinition } from "./definition";
import { fieldName, isInputField, isOptionField, TEXT_CAPS, type TField, type TSubField } from "./field-types";
import { valueCheckerFor } from "./field-values";
import { patternProblem } from "./pattern";

type AnyField = TField | TSubField;

function checkBounds(field: AnyField, at: TPath, issues: TIssue[]): void {
  const report = (property: string, message: string) => issues.push({ path: [...at, "validation", property], message });
  const validation = ("validation" in field ? field.validation : undefined) as Record<string, unknown> | undefined;
  if (!validation) return;
  const pairs: Array<[string, string]> = [["min", "max"], ["minLength", "maxLength"], ["minSelected", "maxSelected"], ["minRows", "maxRows"]];
  for (const [low, high] of pairs) {
    const [a, b] = [validation[low], validation[high]];
    if (a === undefined || b === undefined) continue;
    const [x, y] = field.type === "datetime" ? [parseDateTime(String(a))?.getTime(), parseDateTime(String(b))?.getTime()] : [a, b];
    if (x !== undefined && y !== undefined && (x as number) > (y as number)) report(high, `The maximum must not be less than the minimum (${String(a)})`);
  }
  if (field.type in TEXT_CAPS && typeof validation.maxLength === "number") {
    const cap = TEXT_CAPS[field.type as keyof typeof TEXT_CAPS];
    if (validation.maxLength > cap) report("maxLength", `A ${field.type.replace("_", " ")} field holds at most ${cap.toLocaleString("en-US")} characters`);
  }
  if (typeof validation.pattern === "string") {
    const problem = patternProblem(validation.pattern);
    if (problem) report("pattern", problem);
  }
  for (const property of ["min", "max"] as const) {
    const value = validation[property];
    if (field.type === "date" && typeof value === "string" && !parseDateTime(value)) report(property, "Not a valid date");
    if (field.type === "datetime" && typeof value === "string" && !parseDateTime(value)) report(property, "Not a valid date and time");
  }
}

function checkField(field: AnyField, at: TPath, issues: TIssue[]): void {
  checkBounds(field, at, issues);
  if (isOptionField(field)) {
    const seen = new Set<string>();
    for (const [index, option] of field.options.entries()) {
      if (seen.has(option.value)) issues.push({ path: [...at, "options", index, "value"], message: `Option value "${option.value}" appears more than once` });
      seen.add(option.value);
    }
  }
  if (field.type === "file" && !field.multiple && (field.validation?.maxFiles ?? 1) > 1) {
    issues.push({ path: [...at, "validation", "maxFiles"], message: "Allow multiple files to accept more than one" });
  }
  if (isInputField(field) && field.defaultValue !== undefined) {
    const checked = valueCheckerFor(field)(field.defaultValue, {});
    if (!checked.ok) issues.push({ path: [...at, "defaultValue"], message: `Default value: ${checked.message}` });
  }
  if (field.type === "repeating_group") {
    const inputs = new Set(field.fields.filter(isInputField).map((sub) => sub.key));
    for (const [index, key] of (field.validation?.uniqueWithinGroup ?? []).entries()) {
      if (!inputs.has(key)) issues.push({ path: [...at, "validation", "uniqueWithinGroup", index], message: `"${key}" is not a field of "${fieldName(field)}" that takes a value` });
    }
  }
}

/** Structural invariants of a (canonical) definition; expression checks are in compile.ts. */
export function structuralIssues(definition: TFormDefinition): TIssue[] {
  const issues: TIssue[] = [];
  const owners = new Map<string, AnyField>();
  const claim = (field: AnyField, at: TPath) => {
    const owner = owners.get(field.key);
    if (owner) issues.push({ path: [...at, "key"], message: `Key "${field.key}" is already used by "${fieldName(owner)}"` });
    else owners.set(field.key, field);
  };
  for (const [index, field] of definition.fields.entries()) {
    const at: TPath = ["fields", index];
    claim(field, at);
    checkField(field, at, issues);
    if (field.type !== "repeating_group") continue;
    for (const [subIndex, sub] of field.fields.entries()) {
      claim(sub, [...at, "fields", subIndex]);
      checkField(sub, [...at, "fields", subIndex], issues);
    }
  }
  const ruleIds = new Set<string>();
  const topKeys = new Set(definition.fields.map((field) => field.key));
  for (const [index, rule] of (definition.logic ?? []).entries()) {
    if (ruleIds.has(rule.id)) issues.push({ path: ["logic", index, "id"], message: `Rule id "${rule.id}" is used twice` });
    ruleIds.add(rule.id);
    if (rule.field !== undefined && !topKeys.has(rule.field)) issues.push({ path: ["logic", index, "field"], message: `No field has the key "${rule.field}"` });
  }
  return issues;
}

/** What publishing needs on top of a valid draft: a form someone can fill in, with nothing left blank. */
export function publishIssues(definition: TFormDefinition): TIssue[] {
  const issues: TIssue[] = [];
  const check = (field: AnyField, at: TPath) => {
    if (field.label.trim() === "") issues.push({ path: [...at, "label"], message: "Give this field a label" });
    if (isOptionField(field) && field.source === undefined) {
      if (field.options.length === 0) issues.push({ path: [...at, "options"], message: `Add at least one option to "${fieldName(field)}"` });
      const min = field.type === "multi_select" || field.type === "checkbox_group" ? field.validation?.minSelected : undefined;
      if (min !== undefined && min > field.options.length) issues.push({ path: [...at, "validation", "minSelected"], message: `"${fieldName(field)}" asks for more choices than it has options` });
    }
  };
  let inputs = 0;
  for (const [index, field] of definition.fields.entries()) {
    check(field, ["fields", index]);
    if (isInputField(field)) inputs += 1;
    if (field.type !== "repeating_group") continue;
    if (field.fields.length === 0) issues.push({ path: ["fields", index, "fields"], message: `Add at least one field to "${fieldName(field)}"` });
    for (const [subIndex, sub] of field.fields.entries()) {
      check(sub, ["fields", index, "fields", subIndex]);
      if (isInputField(sub)) inputs += 1;
    }
  }
  if (inputs === 0) issues.push({ path: ["fields"], message: "Add at least one field to fill in" });
  return issues;
}
