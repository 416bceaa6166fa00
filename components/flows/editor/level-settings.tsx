"use client";

import { LEVEL_ACTIONS, type TFlowLevel, type TLevelAction } from "@/lib/flows/definition";
import type { EditorOptions } from "@/lib/flows/editor/fields";
import { cn } from "@/components/ui/cn";
import { AssigneesEditor, assigneeLabel } from "./assignees-editor";

// Every setting of one level (name, assignees, forms, who decides, actions, self-approval, due time,
// reminder, escalation): the body of the list editor's level card and of the canvas side panel.
// Controls carry ids `level-<id>-<setting>` so a problem can focus the one it is about.

const ACTION_LABELS: Record<TLevelAction, string> = {
  submit: "Submit (fill the forms)",
  approve: "Approve",
  reject: "Reject",
  send_back: "Send back to an earlier level",
  request_changes: "Request changes from the initiator",
};

export const MODE_LABELS = { ANY: "Any one assignee", ALL: "All assignees", AT_LEAST: "At least N assignees" } as const;

const numberOrUndefined = (raw: string) => (raw.trim() === "" ? undefined : Number(raw));

/** The level at a glance: assignees in words, how many forms, the due time. */
export function levelSummary(level: TFlowLevel, options: EditorOptions): string {
  return [level.assignees.map((assignee) => assigneeLabel(assignee, options)).join(", ") || "no assignee", level.taskVersionIds.length ? `${level.taskVersionIds.length} form${level.taskVersionIds.length > 1 ? "s" : ""}` : null, level.dueInHours ? `due in ${level.dueInHours} h` : null]
    .filter(Boolean)
    .join(" · ");
}

type Props = {
  level: TFlowLevel;
  options: EditorOptions;
  errorAt: (field: string) => string | undefined;
  onChange: (changes: Partial<Omit<TFlowLevel, "id" | "order">>) => void;
};

export function LevelSettings({ level, options, errorAt, onChange }: Props) {
  const id = (setting: string) => `level-${level.id}-${setting}`;
  const forms = new Map(options.forms.map((form) => [form.taskVersionId, form]));
  const field = "mt-0.5 block w-full rounded-md border px-2 py-1.5 text-sm shadow-sm focus:border-brand focus:outline-none focus:ring-1 focus:ring-brand";
  const border = (error?: string) => (error ? "border-red-500" : "border-slate-300");
  const message = (setting: string) => {
    const error = errorAt(setting);
    return error ? (
      <p id={`${id(setting)}-error`} className="mt-0.5 text-xs text-red-600">
        {error}
      </p>
    ) : null;
  };
  const describedBy = (setting: string) => (errorAt(setting) ? `${id(setting)}-error` : undefined);

  // Container widths, not the screen's: the same settings sit in a wide card and a narrow side panel.
  return (
    <div className="@container space-y-4">
          <div>
            <label htmlFor={id("name")} className="block text-sm font-medium text-slate-700">
              Level name
            </label>
            <input id={id("name")} value={level.name} onChange={(event) => onChange({ name: event.target.value })} aria-invalid={errorAt("name") ? true : undefined} aria-describedby={describedBy("name")} className={cn(field, border(errorAt("name")))} />
            {message("name")}
          </div>

          <AssigneesEditor idPrefix={`level-${level.id}`} assignees={level.assignees} options={options} error={errorAt("assignees")} onChange={(assignees) => onChange({ assignees })} />

          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-slate-700">Forms to fill at this level</legend>
            {level.taskVersionIds.length === 0 ? <p className="text-xs text-slate-500">None: assignees only decide.</p> : null}
            <ul className="space-y-1">
              {level.taskVersionIds.map((taskVersionId, position) => {
                const form = forms.get(taskVersionId);
                const label = form ? `${form.name} (v${form.number})` : "(a form that is no longer published)";
                return (
                  <li key={taskVersionId} className="flex items-center justify-between gap-2 rounded bg-slate-50 px-2 py-1 text-sm">
                    {label}
                    <button type="button" onClick={() => onChange({ taskVersionIds: level.taskVersionIds.filter((_, i) => i !== position) })} className="text-xs text-red-700 hover:underline" aria-label={`Remove form ${label}`}>
                      Remove
                    </button>
                  </li>
                );
              })}
            </ul>
            <div className="text-xs text-slate-600">
              <label htmlFor={id("taskVersionIds")}>Add a form</label>
              <select
                id={id("taskVersionIds")}
                value=""
                onChange={(event) => event.target.value && onChange({ taskVersionIds: [...level.taskVersionIds, event.target.value] })}
                className={cn(field, "bg-white", border(errorAt("taskVersionIds")))}
              >
                <option value="">Choose a published form…</option>
                {options.forms
                  .filter((form) => !level.taskVersionIds.includes(form.taskVersionId))
                  .map((form) => (
                    <option key={form.taskVersionId} value={form.taskVersionId}>
                      {form.name} (v{form.number})
                    </option>
                  ))}
              </select>
            </div>
            {message("taskVersionIds")}
          </fieldset>

          <div className="grid gap-4 @sm:grid-cols-2">
            <div>
              <label htmlFor={id("approvalMode")} className="block text-sm font-medium text-slate-700">
                Who must decide
              </label>
              <select id={id("approvalMode")} value={level.approvalMode} onChange={(event) => onChange({ approvalMode: event.target.value as TFlowLevel["approvalMode"] })} className={cn(field, "bg-white", border())}>
                {Object.entries(MODE_LABELS).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </div>
            {level.approvalMode === "AT_LEAST" ? (
              <div>
                <label htmlFor={id("requiredApprovals")} className="block text-sm font-medium text-slate-700">
                  N (approvals needed)
                </label>
                <input id={id("requiredApprovals")} type="number" min={1} inputMode="numeric" value={Number.isNaN(level.requiredApprovals) ? "" : level.requiredApprovals} onChange={(event) => onChange({ requiredApprovals: numberOrUndefined(event.target.value) ?? Number.NaN })} aria-invalid={errorAt("requiredApprovals") ? true : undefined} aria-describedby={describedBy("requiredApprovals")} className={cn(field, border(errorAt("requiredApprovals")))} />
                {message("requiredApprovals")}
              </div>
            ) : null}
          </div>

          <fieldset aria-describedby={describedBy("allowedActions")}>
            <legend className="text-sm font-medium text-slate-700">Allowed actions</legend>
            <div className="mt-1 grid gap-1 @sm:grid-cols-2">
              {LEVEL_ACTIONS.map((action, position) => (
                <label key={action} className="flex items-center gap-2 text-sm text-slate-700">
                  <input
                    type="checkbox"
                    id={position === 0 ? id("allowedActions") : undefined}
                    className="h-4 w-4"
                    checked={level.allowedActions.includes(action)}
                    onChange={(event) => onChange({ allowedActions: event.target.checked ? LEVEL_ACTIONS.filter((known) => known === action || level.allowedActions.includes(known)) : level.allowedActions.filter((known) => known !== action) })}
                  />
                  {ACTION_LABELS[action]}
                </label>
              ))}
            </div>
            {message("allowedActions")}
          </fieldset>

          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input type="checkbox" className="h-4 w-4" checked={level.allowSelfApproval} onChange={(event) => onChange({ allowSelfApproval: event.target.checked })} />
            The initiator may decide their own request here (flagged in the history)
          </label>

          <div className="grid gap-4 @lg:grid-cols-3">
            <div>
              <label htmlFor={id("dueInHours")} className="block text-sm font-medium text-slate-700">
                Due after (hours)
              </label>
              <input id={id("dueInHours")} type="number" min={0} step="any" inputMode="decimal" value={level.dueInHours ?? ""} onChange={(event) => onChange({ dueInHours: numberOrUndefined(event.target.value) })} aria-invalid={errorAt("dueInHours") ? true : undefined} aria-describedby={describedBy("dueInHours")} className={cn(field, border(errorAt("dueInHours")))} />
              {message("dueInHours")}
            </div>
            <div>
              <label htmlFor={id("reminderBeforeHours")} className="block text-sm font-medium text-slate-700">
                Remind (hours before due)
              </label>
              <input id={id("reminderBeforeHours")} type="number" min={0} step="any" inputMode="decimal" value={level.reminderBeforeHours ?? ""} onChange={(event) => onChange({ reminderBeforeHours: numberOrUndefined(event.target.value) })} aria-invalid={errorAt("reminderBeforeHours") ? true : undefined} aria-describedby={describedBy("reminderBeforeHours")} className={cn(field, border(errorAt("reminderBeforeHours")))} />
              {message("reminderBeforeHours")}
            </div>
            <div>
              <label htmlFor={id("escalation")} className="block text-sm font-medium text-slate-700">
                When overdue, escalate to
              </label>
              <select
                id={id("escalation")}
                value={level.escalation ? (level.escalation.to === "role" ? `role:${level.escalation.roleId}` : "manager") : ""}
                onChange={(event) => {
                  const value = event.target.value;
                  onChange({ escalation: value === "" ? undefined : value === "manager" ? { to: "initiator_manager" } : { to: "role", roleId: value.slice(5) } });
                }}
                className={cn(field, "bg-white", border(errorAt("escalation")))}
              >
                <option value="">Nobody</option>
                <option value="manager">Manager of the initiator</option>
                {options.roles.map((role) => (
                  <option key={role.id} value={`role:${role.id}`}>
                    Role: {role.name}
                  </option>
                ))}
              </select>
              {message("escalation")}
            </div>
          </div>
    </div>
  );
}
