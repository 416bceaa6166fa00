"use client";

import { useMemo } from "react";
import type { TFlowBranch, TFlowDefinition } from "@/lib/flows/definition";
import type { TypeEnv } from "@/lib/expressions/types";
import { levelsInOrder } from "@/lib/flows/canvas/graph";
import { ConditionEditor, type TConditionField } from "@/components/expressions/condition-editor";
import { Button } from "@/components/ui/button";
import { SidePanel } from "./side-panel";

// The selected branch beside the canvas: where it goes, its priority, whether it is the level's
// default, and its condition in the rule builder (over the fields available at its level, grouped
// AND/OR, typed operators and values) with the same condition as text, checked as you type.

type Props = {
  branch: TFlowBranch;
  definition: TFlowDefinition;
  fields: TypeEnv;
  labels: Readonly<Record<string, string>>;
  problems: string[];
  onChange: (changes: Partial<Omit<TFlowBranch, "id">>) => void;
  onRemove: () => void;
  onClose: () => void;
};

const control = "mt-0.5 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm shadow-sm focus:border-brand focus:outline-none focus:ring-1 focus:ring-brand";

export function BranchPanel({ branch, definition, fields, labels, problems, onChange, onRemove, onClose }: Props) {
  const id = (setting: string) => `branch-${branch.id}-${setting}`;
  const from = definition.levels.find((level) => level.id === branch.fromLevelId);
  // Form fields first (by label), then the initiator's attributes.
  const conditionFields: TConditionField[] = useMemo(
    () =>
      Object.entries(fields)
        .map(([key, type]) => ({ key, type, label: labels[key] ?? key }))
        .sort((a, b) => Number(a.key.startsWith("initiator.")) - Number(b.key.startsWith("initiator.")) || a.label.localeCompare(b.label)),
    [fields, labels],
  );
  const toValue = branch.target === "LEVEL" ? `level:${branch.toLevelId ?? ""}` : branch.target;
  return (
    <SidePanel title={`Branch from ${from?.name ?? "?"}`} subtitle="Checked lowest priority first; the first true condition wins, then the default." onClose={onClose}>
      <div className="grid grid-cols-[minmax(0,1fr)_6rem] gap-3">
        <div>
          <label htmlFor={id("toLevelId")} className="block text-sm font-medium text-slate-700">
            Goes to
          </label>
          <select
            id={id("toLevelId")}
            value={toValue}
            onChange={(event) => {
              const value = event.target.value;
              onChange(value.startsWith("level:") ? { target: "LEVEL", toLevelId: value.slice(6) } : { target: value as "COMPLETE" | "REJECT", toLevelId: null });
            }}
            className={control}
          >
            {levelsInOrder(definition).map((level) => (
              <option key={level.id} value={`level:${level.id}`}>
                {level.order}. {level.name}
              </option>
            ))}
            <option value="COMPLETE">End: Completed</option>
            <option value="REJECT">End: Rejected</option>
          </select>
        </div>
        <div>
          <label htmlFor={id("priority")} className="block text-sm font-medium text-slate-700">
            Priority
          </label>
          <input id={id("priority")} type="number" inputMode="numeric" value={Number.isNaN(branch.priority) ? "" : branch.priority} onChange={(event) => onChange({ priority: event.target.value === "" ? Number.NaN : Number(event.target.value) })} className={control} />
        </div>
      </div>
      <div>
        <label htmlFor={id("name")} className="block text-sm font-medium text-slate-700">
          Name <span className="font-normal text-slate-500">(optional)</span>
        </label>
        <input id={id("name")} value={branch.name} maxLength={200} onChange={(event) => onChange({ name: event.target.value })} className={control} />
      </div>
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input id={id("isDefault")} type="checkbox" className="h-4 w-4" checked={branch.isDefault} onChange={(event) => onChange({ isDefault: event.target.checked })} />
        Default branch (taken when no condition is true)
      </label>
      {branch.isDefault ? (
        <p id={id("condition")} tabIndex={-1} className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-600">
          Otherwise: no condition.
        </p>
      ) : (
        <div id={id("condition")} tabIndex={-1} className="focus:outline-none">
          <ConditionEditor key={branch.id} label="Condition" value={branch.condition ?? ""} onChange={(condition) => onChange({ condition })} fields={conditionFields} errors={problems} />
        </div>
      )}
      <div className="border-t border-slate-100 pt-3">
        <Button type="button" variant="ghost" className="px-3 py-1.5 text-red-700" onClick={onRemove}>
          Delete branch
        </Button>
      </div>
    </SidePanel>
  );
}
