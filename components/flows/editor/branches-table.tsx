"use client";

import type { TFlowBranch, TFlowDefinition } from "@/lib/flows/definition";
import type { TypeEnv } from "@/lib/expressions/types";
import { ExpressionInput } from "@/components/expressions/expression-input";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";

// The branches between levels as a table: from, to (a level, or the end: complete / reject), the
// condition (checked as you type against the fields available at its level), priority, default.
// Controls carry ids `branch-<id>-<setting>` so a problem can focus the one it is about.

type Props = {
  definition: TFlowDefinition;
  fieldsAt: (levelId: string) => TypeEnv;
  labels: Readonly<Record<string, string>>;
  errorAt: (index: number, field: string) => string | undefined;
  problemAt: (index: number) => boolean;
  onAdd: () => void;
  onChange: (branchId: string, changes: Partial<Omit<TFlowBranch, "id">>) => void;
  onRemove: (branchId: string) => void;
};

const cell = "block w-full rounded-md border px-2 py-1.5 text-sm shadow-sm focus:border-brand focus:outline-none focus:ring-1 focus:ring-brand bg-white";

export function BranchesTable({ definition, fieldsAt, labels, errorAt, problemAt, onAdd, onChange, onRemove }: Props) {
  const levels = definition.levels;
  const toValue = (branch: TFlowBranch) => (branch.target === "LEVEL" ? `level:${branch.toLevelId ?? ""}` : branch.target);
  return (
    <section aria-labelledby="branches-heading" className="rounded-lg border border-slate-200 bg-white shadow-sm">
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-100 px-4 py-3">
        <div>
          <h2 id="branches-heading" className="text-sm font-semibold text-slate-700">
            Branches
          </h2>
          <p className="text-xs text-slate-500">Checked lowest priority first; the first true condition wins, then the default, then the next level.</p>
        </div>
        <Button type="button" variant="secondary" className="px-3 py-1.5" onClick={onAdd} disabled={levels.length === 0}>
          Add branch
        </Button>
      </div>
      {definition.branches.length === 0 ? (
        <p className="px-4 py-4 text-sm text-slate-500">No branches: each level leads to the next, and the last one completes the flow.</p>
      ) : (
        // relative: the sr-only labels (absolutely positioned) stay inside the scroll box on a phone.
        <div className="relative overflow-x-auto">
          <table className="min-w-full text-sm">
            <thead>
              <tr className="text-left text-xs uppercase tracking-wide text-slate-500">
                <th className="px-3 py-2 font-medium">#</th>
                <th className="px-3 py-2 font-medium">From</th>
                <th className="px-3 py-2 font-medium">To</th>
                <th className="min-w-[18rem] px-3 py-2 font-medium">Condition</th>
                <th className="px-3 py-2 font-medium">Priority</th>
                <th className="px-3 py-2 font-medium">Default</th>
                <th className="px-3 py-2">
                  <span className="sr-only">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {definition.branches.map((branch, index) => {
                const id = (setting: string) => `branch-${branch.id}-${setting}`;
                const name = `branch ${index + 1}`;
                const error = (field: string) => errorAt(index, field);
                const errorText = (field: string) =>
                  error(field) ? (
                    <p id={`${id(field)}-error`} className="mt-0.5 text-xs text-red-600">
                      {error(field)}
                    </p>
                  ) : null;
                return (
                  <tr key={branch.id} className={cn("border-t border-slate-100 align-top", problemAt(index) ? "bg-red-50/40" : "")}>
                    <td className="px-3 py-2 pt-3 text-xs text-slate-500">{index + 1}</td>
                    <td className="px-3 py-2">
                      <label htmlFor={id("fromLevelId")} className="sr-only">{`From level (${name})`}</label>
                      <select id={id("fromLevelId")} value={branch.fromLevelId} onChange={(event) => onChange(branch.id, { fromLevelId: event.target.value })} className={cn(cell, "min-w-[11rem] border-slate-300")}>
                        {levels.map((level, position) => (
                          <option key={level.id} value={level.id}>
                            {position + 1}. {level.name}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td className="px-3 py-2">
                      <label htmlFor={id("toLevelId")} className="sr-only">{`Goes to (${name})`}</label>
                      <select
                        id={id("toLevelId")}
                        value={toValue(branch)}
                        onChange={(event) => {
                          const value = event.target.value;
                          onChange(branch.id, value.startsWith("level:") ? { target: "LEVEL", toLevelId: value.slice(6) } : { target: value as "COMPLETE" | "REJECT", toLevelId: null });
                        }}
                        aria-invalid={error("toLevelId") ? true : undefined}
                        className={cn(cell, "min-w-[11rem]", error("toLevelId") ? "border-red-500" : "border-slate-300")}
                      >
                        {levels.map((level, position) => (
                          <option key={level.id} value={`level:${level.id}`}>
                            {position + 1}. {level.name}
                          </option>
                        ))}
                        <option value="COMPLETE">End: complete</option>
                        <option value="REJECT">End: reject</option>
                      </select>
                      {errorText("toLevelId")}
                    </td>
                    <td className="px-3 py-2">
                      {branch.isDefault ? (
                        <p id={id("condition")} tabIndex={-1} className="pt-1.5 text-sm text-slate-500">
                          Otherwise (the default)
                        </p>
                      ) : (
                        <>
                          <ExpressionInput id={id("condition")} label={`Condition (${name})`} value={branch.condition ?? ""} onChange={(condition) => onChange(branch.id, { condition })} fields={fieldsAt(branch.fromLevelId)} labels={labels} ariaDescribedBy={error("condition") ? `${id("condition")}-error` : undefined} />
                          {errorText("condition")}
                        </>
                      )}
                    </td>
                    <td className="px-3 py-2">
                      <label htmlFor={id("priority")} className="sr-only">{`Priority (${name})`}</label>
                      <input
                        id={id("priority")}
                        type="number"
                        inputMode="numeric"
                        value={Number.isNaN(branch.priority) ? "" : branch.priority}
                        onChange={(event) => onChange(branch.id, { priority: event.target.value === "" ? Number.NaN : Number(event.target.value) })}
                        aria-invalid={error("priority") ? true : undefined}
                        aria-describedby={error("priority") ? `${id("priority")}-error` : undefined}
                        className={cn(cell, "w-20", error("priority") ? "border-red-500" : "border-slate-300")}
                      />
                      {errorText("priority")}
                    </td>
                    <td className="px-3 py-2 pt-3">
                      <label className="flex items-center gap-1.5 text-xs text-slate-600">
                        <input id={id("isDefault")} type="checkbox" className="h-4 w-4" checked={branch.isDefault} onChange={(event) => onChange(branch.id, { isDefault: event.target.checked })} />
                        <span className="sr-only">{`Default (${name})`}</span>
                      </label>
                    </td>
                    <td className="px-3 py-2">
                      <Button type="button" variant="ghost" className="px-2 py-1 text-red-700" onClick={() => onRemove(branch.id)} aria-label={`Remove ${name}`}>
                        Remove
                      </Button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
