"use client";

import { useState } from "react";
import type { TAssignee } from "@/lib/flows/definition";
import type { EditorOptions } from "@/lib/flows/editor/fields";
import { Button } from "@/components/ui/button";

// Who may act at a level: any mix of the initiator, their manager, roles, departments and people.
// Picked with two plain selects (kind, then which one) so it works with the keyboard and on a phone.

type Kind = TAssignee["kind"];
const KIND_LABELS: Record<Kind, string> = {
  INITIATOR_MANAGER: "Manager of the initiator",
  ROLE: "A role",
  DEPARTMENT: "A department",
  USER: "A person",
  INITIATOR: "The initiator (fills the level's forms)",
};

export function assigneeLabel(assignee: TAssignee, options: Pick<EditorOptions, "roles" | "departments" | "users">): string {
  switch (assignee.kind) {
    case "INITIATOR":
      return "The initiator";
    case "INITIATOR_MANAGER":
      return "Manager of the initiator";
    case "ROLE":
      return `Role: ${options.roles.find((role) => role.id === assignee.roleId)?.name ?? "(unknown role)"}`;
    case "DEPARTMENT":
      return `Department: ${options.departments.find((department) => department.id === assignee.departmentId)?.name ?? "(unknown department)"}`;
    case "USER":
      return options.users.find((user) => user.id === assignee.userId)?.name ?? "(unknown person)";
  }
}

const sameAssignee = (a: TAssignee, b: TAssignee) => JSON.stringify(a) === JSON.stringify(b);

export function AssigneesEditor({ idPrefix, assignees, options, error, onChange }: { idPrefix: string; assignees: TAssignee[]; options: EditorOptions; error?: string; onChange: (next: TAssignee[]) => void }) {
  const [kind, setKind] = useState<Kind>("INITIATOR_MANAGER");
  const [target, setTarget] = useState("");
  const choices = kind === "ROLE" ? options.roles : kind === "DEPARTMENT" ? options.departments : kind === "USER" ? options.users : [];
  const needsTarget = kind === "ROLE" || kind === "DEPARTMENT" || kind === "USER";
  const candidate: TAssignee | null =
    kind === "ROLE" ? (target ? { kind, roleId: target } : null) : kind === "DEPARTMENT" ? (target ? { kind, departmentId: target } : null) : kind === "USER" ? (target ? { kind, userId: target } : null) : { kind };
  const isDuplicate = candidate !== null && assignees.some((assignee) => sameAssignee(assignee, candidate));
  const errorId = `${idPrefix}-assignees-error`;
  return (
    <fieldset className="space-y-2" aria-describedby={error ? errorId : undefined}>
      <legend className="text-sm font-medium text-slate-700">Assignees</legend>
      {assignees.length === 0 ? <p className="text-xs text-slate-500">Nobody yet: add who decides or fills this level.</p> : null}
      <ul className="flex flex-wrap gap-1.5">
        {assignees.map((assignee, index) => (
          <li key={JSON.stringify(assignee)} className="inline-flex items-center gap-1 rounded-full bg-slate-100 py-0.5 pl-2.5 pr-1 text-xs text-slate-800">
            {assigneeLabel(assignee, options)}
            <button
              type="button"
              onClick={() => onChange(assignees.filter((_, i) => i !== index))}
              className="rounded-full px-1.5 text-slate-500 hover:bg-slate-200 hover:text-slate-900"
              aria-label={`Remove ${assigneeLabel(assignee, options)}`}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap items-end gap-2">
        <div className="text-xs text-slate-600">
          <label htmlFor={`${idPrefix}-assignees`}>Add</label>
          <select
            id={`${idPrefix}-assignees`}
            value={kind}
            onChange={(event) => {
              setKind(event.target.value as Kind);
              setTarget("");
            }}
            aria-invalid={error ? true : undefined}
            className="mt-0.5 block rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
          >
            {(Object.keys(KIND_LABELS) as Kind[]).map((value) => (
              <option key={value} value={value}>
                {KIND_LABELS[value]}
              </option>
            ))}
          </select>
        </div>
        {needsTarget ? (
          <div className="text-xs text-slate-600">
            <label htmlFor={`${idPrefix}-assignee-target`}>{kind === "ROLE" ? "Role" : kind === "DEPARTMENT" ? "Department" : "Person"}</label>
            <select id={`${idPrefix}-assignee-target`} value={target} onChange={(event) => setTarget(event.target.value)} className="mt-0.5 block max-w-[14rem] rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm">
              <option value="">Choose…</option>
              {choices.map((choice) => (
                <option key={choice.id} value={choice.id}>
                  {choice.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <Button
          type="button"
          variant="secondary"
          className="px-3 py-1.5"
          disabled={candidate === null || isDuplicate}
          onClick={() => {
            if (!candidate) return;
            onChange([...assignees, candidate]);
            setTarget("");
          }}
        >
          Add assignee
        </Button>
      </div>
      {error ? (
        <p id={errorId} className="text-sm text-red-600">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
