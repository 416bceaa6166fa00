// Compiles a definition's logic once: every condition and calculated expression is parsed and
// type-checked against the form's fields, and fields are put in evaluation order (a field after the
// fields its show/disable conditions or expression read). The same pass reports the problems the
// builder shows (paths point at the offending field), so saving a form and building its submission
// validator cannot disagree about what a condition means.
import { fieldsUsed } from "@/lib/expressions/analysis";
import { compileCondition, compileExpression, type CompiledCondition, type CompiledExpression } from "@/lib/expressions/api";
import { t, type Diagnostic, type Type, type TypeEnv } from "@/lib/expressions/types";
import { CONDITION_KINDS, CONDITION_NAMES, type TCondition, type TConditionKind } from "./conditions";
import type { TFormDefinition } from "./definition";
import { fieldName, isInputField, type TField, type TSubField } from "./field-types";
import { valueCheckerFor, type TValueChecker } from "./field-values";
import { orderByDependencies } from "./order";
import { typeEnvOf, typeEnvOfFields } from "./type-env";

export type TPath = (string | number)[];
export type TIssue = { path: TPath; message: string };

export type TCompiledField = {
  field: TField | TSubField;
  /** Where the field sits in the definition, e.g. ["fields", 3] or ["fields", 3, "fields", 1]. */
  at: TPath;
  show?: CompiledCondition;
  require?: CompiledCondition;
  disable?: CompiledCondition;
  /** The section heading the field appears under; hiding the section hides the field. */
  section?: TCompiledField;
  calculate?: CompiledExpression;
  check?: TValueChecker;
  group?: TCompiledGroup;
};

export type TCompiledGroup = {
  plan: TCompiledField[];
  keys: ReadonlySet<string>;
  /** Top-level keys any sub-field's logic reads: a row's evaluation scope needs only these. */
  outerReads: readonly string[];
};
export type TCompiledRule = { id: string; message: string; errorKey: string; assert: CompiledCondition };

export type TCompiledForm = {
  definition: TFormDefinition;
  /** Top-level fields in evaluation order. */
  plan: TCompiledField[];
  keys: ReadonlySet<string>;
  rules: TCompiledRule[];
};

const RESULT: Record<string, Type> = { number: t.number, string: t.string, boolean: t.boolean, date: t.date, datetime: t.datetime };
const MAX_DIAGNOSTICS = 3;

type Scope = { env: TypeEnv; topKeys: ReadonlySet<string>; groupKeys: ReadonlySet<string>; group?: TField & { type: "repeating_group" } };

class Compiler {
  readonly issues: TIssue[] = [];
  // Per compiled field: the keys (top-level or sibling) its ordering-relevant logic reads.
  readonly reads = new Map<TCompiledField, Set<string>>();

  report(path: TPath, message: string): void {
    this.issues.push({ path, message });
  }

  reportDiagnostics(path: TPath, prefix: string, diagnostics: Diagnostic[]): void {
    for (const diagnostic of diagnostics.slice(0, MAX_DIAGNOSTICS)) this.report(path, `${prefix}: ${diagnostic.message}`);
  }

  // The field keys a read path refers to in this scope: a field, a sibling in the row, or a group column.
  private resolve(read: string, scope: Scope, owner: TField | TSubField, path: TPath): string | null {
    if (scope.group && scope.group.fields.some((sub) => sub.key === read)) return read;
    if (scope.topKeys.has(read)) return read;
    const head = read.split(".")[0];
    if (!scope.groupKeys.has(head)) return null;
    if (scope.group && head === scope.group.key) {
      this.report(path, `"${fieldName(owner)}" is inside "${fieldName(scope.group)}" and cannot read the group's own column "${read}"; use the row's value (e.g. "${read.slice(head.length + 1)}")`);
      return null;
    }
    return head;
  }

  private condition(compiled: TCompiledField, kind: TConditionKind, condition: TCondition | undefined, scope: Scope): CompiledCondition | undefined {
    if (!condition) return undefined;
    const path = [...compiled.at, "conditions", kind];
    const name = `${CONDITION_NAMES[kind]} of "${fieldName(compiled.field)}"`;
    const result = compileCondition(condition.source, scope.env);
    if (!result.ok) {
      this.reportDiagnostics(path, name, result.diagnostics);
      return undefined;
    }
    for (const read of fieldsUsed(result.ast)) {
      const key = this.resolve(read, scope, compiled.field, path);
      if (key === compiled.field.key) this.report(path, `${name} depends on the field itself`);
      // Require conditions are evaluated on the final values, so they do not order fields.
      else if (key && kind !== "require") this.reads.get(compiled)!.add(key);
    }
    return result;
  }

  field(field: TField | TSubField, at: TPath, scope: Scope): TCompiledField {
    const compiled: TCompiledField = { field, at };
    this.reads.set(compiled, new Set());
    const conditions = (field.conditions ?? {}) as Partial<Record<TConditionKind, TCondition>>;
    for (const kind of CONDITION_KINDS) compiled[kind] = this.condition(compiled, kind, conditions[kind], scope);
    if (isInputField(field)) compiled.check = valueCheckerFor(field);
    if (field.type === "calculated") compiled.calculate = this.expression(compiled, field, scope);
    return compiled;
  }

  private expression(compiled: TCompiledField, field: TField & { type: "calculated" }, scope: Scope): CompiledExpression | undefined {
    const path = [...compiled.at, "expression"];
    const result = compileExpression(field.expression, scope.env, { expected: RESULT[field.resultType] });
    if (!result.ok) {
      this.reportDiagnostics(path, `Expression of "${fieldName(field)}"`, result.diagnostics);
      return undefined;
    }
    for (const read of fieldsUsed(result.ast)) {
      const key = this.resolve(read, scope, field, path);
      if (key === field.key) this.report(path, `Expression of "${fieldName(field)}" depends on the field itself`);
      else if (key) this.reads.get(compiled)!.add(key);
    }
    return result;
  }

  /** Orders fields after what they read; a cycle is reported once and broken so compiling goes on. */
  order(fields: TCompiledField[], readsOf: (field: TCompiledField) => Iterable<string>): TCompiledField[] {
    const byKey = new Map(fields.map((field) => [field.field.key, field]));
    return orderByDependencies(
      fields,
      (field) => [...readsOf(field)].flatMap((key) => (byKey.has(key) ? [byKey.get(key)!] : [])),
      (cycle) => {
        const names = cycle.map((field) => field.field.key).join(" → ");
        const first = cycle[0];
        this.report([...first.at, first.field.type === "calculated" ? "expression" : "conditions"], `"${fieldName(first.field)}" depends on itself through other fields: ${names}`);
      },
    );
  }
}

// Every top-level key (a group's key for its columns) read by any logic of the sub-fields.
function outerReadsOf(subs: readonly TCompiledField[], subKeys: ReadonlySet<string>): string[] {
  const outer = new Set<string>();
  for (const sub of subs) {
    for (const compiled of [sub.show, sub.require, sub.disable, sub.calculate]) {
      if (!compiled) continue;
      for (const read of fieldsUsed(compiled.ast)) if (!subKeys.has(read)) outer.add(read.split(".")[0]);
    }
  }
  return [...outer];
}

/** Compiles the definition's logic and reports every problem found; never throws. */
export function analyseForm(definition: TFormDefinition): { form: TCompiledForm; issues: TIssue[] } {
  const compiler = new Compiler();
  const env = typeEnvOf(definition);
  const topKeys = new Set(definition.fields.filter((field) => field.type !== "repeating_group").map((field) => field.key));
  const groupKeys = new Set(definition.fields.filter((field) => field.type === "repeating_group").map((field) => field.key));
  const top: Scope = { env, topKeys, groupKeys };
  const compiled: TCompiledField[] = [];
  let section: TCompiledField | undefined;
  for (const [index, field] of definition.fields.entries()) {
    const at: TPath = ["fields", index];
    const entry = compiler.field(field, at, top);
    if (field.type === "section") section = entry;
    else if (section?.show) entry.section = section;
    if (field.type === "repeating_group") {
      const scope: Scope = { ...top, env: { ...env, ...typeEnvOfFields(field.fields) }, group: field };
      const subs = field.fields.map((sub, subIndex) => compiler.field(sub, [...at, "fields", subIndex], scope));
      const subKeys = new Set(field.fields.map((sub) => sub.key));
      // The group waits for every top-level field any of its sub-fields reads.
      for (const sub of subs) for (const key of compiler.reads.get(sub)!) if (!subKeys.has(key)) compiler.reads.get(entry)!.add(key);
      const plan = compiler.order(subs, (sub) => [...compiler.reads.get(sub)!].filter((key) => subKeys.has(key)));
      entry.group = { plan, keys: subKeys, outerReads: outerReadsOf(subs, subKeys) };
    }
    compiled.push(entry);
  }
  const plan = compiler.order(compiled, (field) => {
    const reads = [...compiler.reads.get(field)!];
    return field.section ? [...reads, field.section.field.key] : reads;
  });
  const rules: TCompiledRule[] = [];
  for (const [index, rule] of (definition.logic ?? []).entries()) {
    const assert = compileCondition(rule.assert.source, env);
    if (!assert.ok) compiler.reportDiagnostics(["logic", index, "assert"], `Rule "${rule.id}"`, assert.diagnostics);
    else rules.push({ id: rule.id, message: rule.message, errorKey: rule.field ?? "", assert });
  }
  const keys = new Set(definition.fields.map((field) => field.key));
  return { form: { definition, plan, keys, rules }, issues: compiler.issues };
}

/** The compiled form of a valid definition; throws (a programming error) when it is not valid. */
export function compileForm(definition: TFormDefinition): TCompiledForm {
  const { form, issues } = analyseForm(definition);
  if (issues.length > 0) throw new Error(`Invalid form definition at ${issues[0].path.join(".")}: ${issues[0].message}`);
  return form;
}
