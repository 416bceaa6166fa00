"use client";

import { useId, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { parseExpression, checkCondition } from "@/lib/expressions/api";
import { astToRules, rulesToAst, type Rule, type RuleGroup, type RuleOperator, type RuleScalar } from "@/lib/expressions/rules";
import { toText } from "@/lib/expressions/to-text";
import type { Type, TypeEnv } from "@/lib/expressions/types";
import { RuleValueInput } from "./rule-value-input";

// A condition in two synchronised views: a rule builder (AND/OR groups of field–operator–value) and
// the expression text it stands for, parsed and type-checked as you type. Both edit one value — the
// expression source — through lib/expressions (rulesToAst/toText one way, parse/astToRules the
// other), so whatever the builder shows is exactly what is stored and evaluated. Independent of
// forms: the caller passes the fields an expression may read and their expression types.

export type TConditionField = { key: string; label: string; type: Type; options?: readonly { value: string; label: string }[] };

export type TConditionEditorProps = {
  /** The expression source; "" means no condition. */
  value: string;
  onChange: (source: string) => void;
  fields: readonly TConditionField[];
  label?: string;
  /** Problems the caller knows about beyond the type check (e.g. from the server). */
  errors?: readonly string[];
};

const OPERATOR_LABELS: Record<RuleOperator, string> = {
  equals: "equals",
  not_equals: "does not equal",
  greater_than: "is greater than",
  greater_or_equal: "is at least",
  less_than: "is less than",
  less_or_equal: "is at most",
  contains: "contains",
  in_list: "is one of",
  is_empty: "is empty",
  is_not_empty: "is not empty",
};

const ORDERED: RuleOperator[] = ["equals", "not_equals", "greater_than", "greater_or_equal", "less_than", "less_or_equal", "in_list", "is_empty", "is_not_empty"];

/** The operators that make sense for a field of `type`. */
export function operatorsFor(type: Type | undefined): RuleOperator[] {
  switch (type?.kind) {
    case "number":
    case "date":
    case "datetime":
      return ORDERED;
    case "string":
      return ["equals", "not_equals", "contains", "in_list", "is_empty", "is_not_empty"];
    case "options":
      return ["equals", "not_equals", "in_list", "is_empty", "is_not_empty"];
    case "boolean":
      return ["equals", "not_equals", "is_empty", "is_not_empty"];
    case "list":
      return ["contains", "is_empty", "is_not_empty"];
    default:
      return [...ORDERED.slice(0, 6), "contains", "in_list", "is_empty", "is_not_empty"];
  }
}

const EMPTY_GROUP: RuleGroup = { combinator: "and", rules: [] };
const isGroup = (node: Rule | RuleGroup): node is RuleGroup => "rules" in node;

/** The rule-builder view of a source, or null when only the text view can show it. */
function groupOf(source: string): RuleGroup | null {
  if (source.trim() === "") return EMPTY_GROUP;
  const parsed = parseExpression(source);
  return parsed.ok ? astToRules(parsed.ast) : null;
}

function defaultValue(type: Type | undefined, operator: RuleOperator): RuleScalar | RuleScalar[] | undefined {
  if (operator === "is_empty" || operator === "is_not_empty") return undefined;
  if (operator === "in_list") return [];
  if (type?.kind === "boolean") return true;
  if (type?.kind === "options") return type.options[0]?.value ?? null;
  if (type?.kind === "list" && type.element.kind === "options") return type.element.options[0]?.value ?? null;
  return null;
}

export function ConditionEditor({ value, onChange, fields, label = "Condition", errors = [] }: TConditionEditorProps) {
  const baseId = useId();
  const env: TypeEnv = useMemo(() => Object.fromEntries(fields.map((field) => [field.key, field.type])), [fields]);
  // The text the designer is typing is kept even while it does not parse; it is replaced only when
  // the value changes from outside (undo, another rule edit) rather than from this editor.
  const [text, setText] = useState(value);
  const emitted = useRef(value);
  const [group, setGroup] = useState<RuleGroup | null>(() => groupOf(value));
  if (value !== emitted.current) {
    emitted.current = value;
    setText(value);
    setGroup(groupOf(value));
  }
  const check = useMemo(() => (text.trim() === "" ? null : checkCondition(text, env)), [text, env]);
  const diagnostics = check && !check.ok ? check.diagnostics : [];

  const emit = (source: string) => {
    emitted.current = source;
    setText(source);
    onChange(source);
  };
  const changeGroup = (next: RuleGroup) => {
    setGroup(next);
    emit(next.rules.length === 0 ? "" : toText(rulesToAst(next, { env })));
  };
  const changeText = (source: string) => {
    emit(source);
    setGroup(groupOf(source));
  };

  const newRule = (): Rule => {
    const field = fields[0];
    const operator = operatorsFor(field?.type)[0];
    return { field: field?.key ?? "", operator, value: defaultValue(field?.type, operator) };
  };

  return (
    <div className="space-y-3" role="group" aria-labelledby={`${baseId}-title`}>
      <p id={`${baseId}-title`} className="text-sm font-medium text-slate-700">
        {label}
      </p>
      {group ? (
        fields.length === 0 ? (
          <p className="text-xs text-slate-500">Add other fields first: a rule compares one of them with a value.</p>
        ) : (
          <GroupEditor group={group} onChange={changeGroup} fields={fields} env={env} path={label} depth={0} newRule={newRule} />
        )
      ) : (
        <p className="rounded-md bg-slate-50 px-3 py-2 text-xs text-slate-600">This expression goes beyond what the rule builder shows (e.g. arithmetic or comparing two fields); edit it as text below.</p>
      )}
      <div className="space-y-1">
        <label htmlFor={`${baseId}-text`} className="block text-xs font-medium text-slate-600">
          {label} as an expression
        </label>
        <textarea
          id={`${baseId}-text`}
          value={text}
          onChange={(event) => changeText(event.target.value)}
          rows={2}
          spellCheck={false}
          aria-invalid={diagnostics.length > 0 || errors.length > 0 || undefined}
          aria-describedby={`${baseId}-check`}
          placeholder="e.g. amount > 100"
          className="block w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-xs shadow-sm focus:border-brand focus:outline-none focus:ring-1 focus:ring-brand"
        />
        <div id={`${baseId}-check`} aria-live="polite" className="text-xs">
          {diagnostics.length > 0 ? (
            <ul className="space-y-0.5 text-red-600">
              {diagnostics.slice(0, 3).map((diagnostic, index) => (
                <li key={index}>{diagnostic.message}</li>
              ))}
            </ul>
          ) : text.trim() === "" ? (
            <span className="text-slate-500">No condition.</span>
          ) : (
            <span className="text-green-700">✓ Valid condition</span>
          )}
          {/* The caller's problems usually repeat the type check's; they add something only when it passes. */}
          {(diagnostics.length > 0 ? [] : errors).map((message, index) => (
            <p key={index} className="text-red-600">
              {message}
            </p>
          ))}
        </div>
      </div>
    </div>
  );
}

type GroupProps = {
  group: RuleGroup;
  onChange: (group: RuleGroup) => void;
  fields: readonly TConditionField[];
  env: TypeEnv;
  path: string;
  depth: number;
  newRule: () => Rule;
  onRemove?: () => void;
};

const MAX_DEPTH = 3;

function GroupEditor({ group, onChange, fields, env, path, depth, newRule, onRemove }: GroupProps) {
  const setRule = (index: number, node: Rule | RuleGroup | null) =>
    onChange({ ...group, rules: node === null ? group.rules.filter((_, at) => at !== index) : group.rules.map((rule, at) => (at === index ? node : rule)) });
  const combinatorId = useId();
  return (
    <div className={depth > 0 ? "space-y-2 rounded-md border border-slate-200 bg-slate-50/60 p-2" : "space-y-2"}>
      {group.rules.length > 1 || depth > 0 ? (
        <div className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
          <label htmlFor={combinatorId}>Match</label>
          <select
            id={combinatorId}
            value={group.combinator}
            onChange={(event) => onChange({ ...group, combinator: event.target.value === "or" ? "or" : "and" })}
            className="rounded-md border border-slate-300 bg-white px-2 py-1 text-xs"
          >
            <option value="and">all of (AND)</option>
            <option value="or">any of (OR)</option>
          </select>
          <span>these rules</span>
          {onRemove ? (
            <button type="button" onClick={onRemove} className="ml-auto rounded px-1.5 py-0.5 text-red-700 hover:bg-red-50" aria-label={`Remove group ${path}`}>
              Remove group
            </button>
          ) : null}
        </div>
      ) : null}
      {group.rules.map((node, index) => {
        const name = `${path} rule ${index + 1}`;
        return isGroup(node) ? (
          <GroupEditor key={index} group={node} onChange={(next) => setRule(index, next)} fields={fields} env={env} path={name} depth={depth + 1} newRule={newRule} onRemove={() => setRule(index, null)} />
        ) : (
          <RuleEditor key={index} rule={node} onChange={(next) => setRule(index, next)} onRemove={() => setRule(index, null)} fields={fields} env={env} name={name} />
        );
      })}
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="secondary" className="px-2 py-1 text-xs" onClick={() => onChange({ ...group, rules: [...group.rules, newRule()] })}>
          + Add rule
        </Button>
        {depth < MAX_DEPTH ? (
          <Button type="button" variant="ghost" className="px-2 py-1 text-xs" onClick={() => onChange({ ...group, rules: [...group.rules, { combinator: group.combinator === "and" ? "or" : "and", rules: [newRule()] }] })}>
            + Add group
          </Button>
        ) : null}
      </div>
    </div>
  );
}

type RuleProps = { rule: Rule; onChange: (rule: Rule) => void; onRemove: () => void; fields: readonly TConditionField[]; env: TypeEnv; name: string };

function RuleEditor({ rule, onChange, onRemove, fields, env, name }: RuleProps) {
  const type = Object.hasOwn(env, rule.field) ? env[rule.field] : undefined;
  const operators = operatorsFor(type);
  const field = fields.find((candidate) => candidate.key === rule.field);
  const select = "min-w-0 rounded-md border border-slate-300 bg-white px-2 py-1 text-xs";
  return (
    <fieldset className="grid grid-cols-1 gap-1.5 rounded-md border border-slate-200 bg-white p-2 sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
      <legend className="sr-only">{name}</legend>
      <select
        aria-label={`${name} field`}
        value={field ? rule.field : ""}
        onChange={(event) => {
          const next = fields.find((candidate) => candidate.key === event.target.value);
          const operator = operatorsFor(next?.type).includes(rule.operator) ? rule.operator : operatorsFor(next?.type)[0];
          onChange({ field: event.target.value, operator, value: defaultValue(next?.type, operator) });
        }}
        className={select}
      >
        {field ? null : <option value="">{rule.field ? `Unknown field "${rule.field}"` : "Choose a field"}</option>}
        {fields.map((candidate) => (
          <option key={candidate.key} value={candidate.key}>
            {candidate.label || candidate.key}
          </option>
        ))}
      </select>
      <select
        aria-label={`${name} operator`}
        value={rule.operator}
        onChange={(event) => {
          const operator = event.target.value as RuleOperator;
          const keep = operator !== "in_list" && rule.operator !== "in_list" && rule.value !== undefined;
          onChange({ ...rule, operator, value: keep ? rule.value : defaultValue(type, operator) });
        }}
        className={select}
      >
        {(operators.includes(rule.operator) ? operators : [rule.operator, ...operators]).map((operator) => (
          <option key={operator} value={operator}>
            {OPERATOR_LABELS[operator]}
          </option>
        ))}
      </select>
      <div className="flex items-start gap-1.5 sm:col-span-2">
        {rule.operator === "is_empty" || rule.operator === "is_not_empty" ? (
          <span className="flex-1" />
        ) : (
          <RuleValueInput type={type} operator={rule.operator} value={rule.value} onChange={(value) => onChange({ ...rule, value })} label={`${name} value`} />
        )}
        <button type="button" onClick={onRemove} aria-label={`Remove ${name}`} className="rounded px-2 py-1 text-xs text-red-700 hover:bg-red-50">
          Remove
        </button>
      </div>
    </fieldset>
  );
}
