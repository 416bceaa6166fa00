"use client";

import { useMemo } from "react";
import { ReadOnlyValue } from "@/components/forms/fields/read-only-value";
import { compileForm } from "@/lib/forms/compile";
import type { TFormDefinition } from "@/lib/forms/definition";
import { evaluateFormState } from "@/lib/forms/submission";
import type { TRendererContext } from "./types";

// A stored submission, rendered with the form version it was made with. Fields its conditions hid
// are left out, as they were when it was filled in.

export function ReadOnlyForm({ definition, values, context }: { definition: TFormDefinition; values: Record<string, unknown>; context: TRendererContext }) {
  const hidden = useMemo(() => new Set(evaluateFormState(compileForm(definition), values).hidden), [definition, values]);
  return (
    <dl className="space-y-4">
      {definition.fields.map((field) => {
        if (hidden.has(field.key)) return null;
        if (field.type === "section") {
          return (
            <div key={field.key} className="border-b border-slate-200 pb-1 pt-3">
              <dt className="text-base font-semibold text-slate-900">{field.label}</dt>
              {field.help ? <dd className="text-sm text-slate-600">{field.help}</dd> : null}
            </div>
          );
        }
        const value = Object.hasOwn(values, field.key) ? values[field.key] : undefined;
        if (field.type === "repeating_group") {
          const rows = Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
          return (
            <div key={field.key}>
              <dt className="text-sm font-medium text-slate-500">{field.label}</dt>
              <dd className="mt-1 overflow-x-auto">
                {rows.length === 0 ? (
                  <span className="text-slate-400">No rows</span>
                ) : (
                  <table className="min-w-full text-sm">
                    <thead>
                      <tr className="border-b border-slate-200 text-left text-xs text-slate-500">
                        <th className="py-1 pr-3 font-medium">#</th>
                        {field.fields.map((sub) => (
                          <th key={sub.key} className="py-1 pr-3 font-medium">
                            {sub.label}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {rows.map((row, index) => (
                        <tr key={index} className="border-b border-slate-100">
                          <td className="py-1 pr-3 text-slate-500">{index + 1}</td>
                          {field.fields.map((sub) => (
                            <td key={sub.key} className="py-1 pr-3">
                              <ReadOnlyValue field={sub} value={row?.[sub.key]} context={context} />
                            </td>
                          ))}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </dd>
            </div>
          );
        }
        return (
          <div key={field.key}>
            <dt className="text-sm font-medium text-slate-500">{field.label}</dt>
            <dd className="mt-0.5 break-words text-sm text-slate-900">
              <ReadOnlyValue field={field} value={value} context={context} />
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
