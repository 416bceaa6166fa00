"use client";

import { useMemo, useSyncExternalStore } from "react";
import { Card } from "@/components/ui/card";
import { Field, Input, Select, Textarea } from "@/components/ui/inputs";
import { cronProblem, nextRuns } from "@/lib/triggers/cron";
import { EVENT_TYPES, FLOW_ENDINGS, type TEventType, type TFlowEnding } from "@/lib/triggers/definition";
import type { TEditorOptions } from "@/lib/triggers/editor-options";
import { scopeForEvent } from "@/lib/triggers/editor-model";
import { EVENT_LABELS, scopeKindOf } from "@/lib/triggers/labels";
import { idFor, useTriggerForm, useValueAt } from "./form-helpers";
import { useTriggerFields } from "./use-trigger-fields";
import { WebhookSecrets, type TWebhookInfo } from "./webhook-secrets";

// The server's and the browser's time-zone lists, locale and clock differ: what depends on them is
// rendered after hydration only.
const useMounted = () => useSyncExternalStore(
  () => () => undefined,
  () => true,
  () => false,
);

/** The time zones the schedule and quiet-hours inputs suggest (one list for the page). */
export function TimeZoneList() {
  const mounted = useMounted();
  const zones = mounted && typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return (
    <datalist id="trigger-time-zones">
      {zones.map((zone) => (
        <option key={zone} value={zone} />
      ))}
    </datalist>
  );
}

/** When the trigger fires: the event type, what it is scoped to, and the schedule, field or webhook. */
export function EventSection({ options, webhook }: { options: TEditorOptions; webhook: TWebhookInfo | null }) {
  const { form, errorAt, register, set } = useTriggerForm();
  const eventType = useValueAt<TEventType>("eventType");
  const taskId = useValueAt<string | null>("taskId");
  const kind = scopeKindOf(eventType);

  const onEventType = (next: TEventType) => {
    const scope = scopeForEvent(next, { taskId: form.getValues("taskId") ?? null, flowId: form.getValues("flowId") ?? null, tableId: form.getValues("tableId") ?? null });
    set("eventType", next);
    set("taskId", scope.taskId);
    set("flowId", scope.flowId);
    set("tableId", scope.tableId);
    // Settings of another event type would be refused on save.
    if (next !== "FLOW_COMPLETED") set("eventConfig.endings", undefined);
    if (next !== "WEBHOOK_RECEIVED") set("eventConfig.payloadSchema", undefined);
  };
  const scopeSelect = (path: "taskId" | "flowId" | "tableId", label: string, items: { id: string; name: string }[], anyLabel: string) => {
    const id = idFor(path);
    const error = errorAt(path);
    return (
      <Field id={id} label={label} error={error}>
        <Select id={id} invalid={!!error} errorId={`${id}-error`} {...register(path, { setValueAs: (text: string) => text || null })}>
          <option value="">{anyLabel}</option>
          {items.map((item) => (
            <option key={item.id} value={item.id}>{item.name}</option>
          ))}
        </Select>
      </Field>
    );
  };

  return (
    <Card className="space-y-4 p-5">
      <h2 className="text-base font-semibold text-slate-900">When</h2>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="trigger-eventType" label="Event">
          <Select id="trigger-eventType" value={eventType} onChange={(event) => onEventType(event.target.value as TEventType)}>
            {EVENT_TYPES.map((type) => (
              <option key={type} value={type}>{EVENT_LABELS[type]}</option>
            ))}
          </Select>
        </Field>
        {kind === "task" ? scopeSelect("taskId", "Form", options.tasks, "Any form") : null}
        {kind === "flow" ? scopeSelect("flowId", "Flow", options.flows, "Any flow") : null}
        {kind === "table" ? scopeSelect("tableId", "Table", options.tables, "Choose a table") : null}
      </div>
      {eventType === "SCHEDULED" ? <SchedulePreview /> : null}
      {eventType === "FIELD_CHANGED" ? <WatchedField taskId={taskId} /> : null}
      {eventType === "FLOW_COMPLETED" ? <FlowEndings /> : null}
      {eventType === "WEBHOOK_RECEIVED" ? <WebhookSecrets webhook={webhook} /> : null}
      {eventType === "WEBHOOK_RECEIVED" ? <PayloadSchemaField /> : null}
    </Card>
  );
}

function SchedulePreview() {
  const { errorAt, register } = useTriggerForm();
  const cron = useValueAt<string | undefined>("eventConfig.cron") ?? "";
  const timeZone = useValueAt<string | undefined>("eventConfig.timeZone") || "UTC";
  // croner is pure: the next runs are computed here, as the expression is typed.
  const mounted = useMounted();
  const preview = useMemo(() => {
    if (!cron.trim() || !mounted) return { problem: null, runs: [] as string[] };
    const problem = cronProblem(cron, timeZone);
    if (problem) return { problem, runs: [] as string[] };
    try {
      const format = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short", timeZone });
      return { problem: null, runs: nextRuns(cron, timeZone, new Date(), 5).map((run) => format.format(run)) };
    } catch (error) {
      return { problem: (error as Error).message, runs: [] as string[] };
    }
  }, [cron, timeZone, mounted]);
  const error = errorAt("eventConfig.cron") ?? preview.problem ?? undefined;
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field id="trigger-eventConfig-cron" label="Schedule (cron)" error={error} hint="minute hour day month weekday, e.g. 0 7 * * 1-5 (07:00 on weekdays)">
        <Input id="trigger-eventConfig-cron" className="font-mono" invalid={!!error} errorId="trigger-eventConfig-cron-error" {...register("eventConfig.cron")} />
      </Field>
      <Field id="trigger-eventConfig-timeZone" label="Time zone" error={errorAt("eventConfig.timeZone")}>
        <Input id="trigger-eventConfig-timeZone" list="trigger-time-zones" placeholder="UTC" {...register("eventConfig.timeZone")} />
      </Field>
      <div className="sm:col-span-2" aria-live="polite">
        {preview.runs.length ? (
          <>
            <p className="text-sm font-medium text-slate-700">Next runs ({timeZone})</p>
            <ol className="mt-1 list-inside list-decimal text-sm text-slate-600" aria-label="Next runs">
              {preview.runs.map((run) => (
                <li key={run}>{run}</li>
              ))}
            </ol>
          </>
        ) : null}
      </div>
    </div>
  );
}

function WatchedField({ taskId }: { taskId: string | null }) {
  const { errorAt, register } = useTriggerForm();
  // The form's own fields (a submission's env), not the change event's field/from/to.
  const fields = useTriggerFields({ eventType: "TASK_COMPLETED", taskId, flowId: null, tableId: null });
  const keys = Object.keys(fields.data ?? {}).filter((key) => !key.startsWith("event.") && key !== "link_to_task");
  const error = errorAt("eventConfig.field");
  return (
    <Field id="trigger-eventConfig-field" label="Field to watch" error={error} hint={taskId ? undefined : "Choose a form to pick from its fields."}>
      <Select id="trigger-eventConfig-field" invalid={!!error} errorId="trigger-eventConfig-field-error" {...register("eventConfig.field")}>
        <option value="">Choose a field</option>
        {keys.map((key) => (
          <option key={key} value={key}>{key}</option>
        ))}
      </Select>
    </Field>
  );
}

/** JSON syntax is checked as it is typed; that it is a valid JSON Schema, on save (the server's ajv). */
function syntaxProblem(text: string): string | null {
  if (!text.trim()) return null;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? null : "Write the schema as a JSON object";
  } catch (error) {
    return `Not valid JSON: ${(error as Error).message}`;
  }
}

function PayloadSchemaField() {
  const { errorAt, register } = useTriggerForm();
  const text = useValueAt<string | undefined>("eventConfig.payloadSchema") ?? "";
  const error = errorAt("eventConfig.payloadSchema") ?? syntaxProblem(text) ?? undefined;
  return (
    <Field
      id="trigger-eventConfig-payloadSchema"
      label="Expected payload (JSON Schema, optional)"
      error={error}
      hint='Requests whose JSON does not match are refused with 422 and nothing is stored, e.g. { "type": "object", "required": ["order"] }'
    >
      <Textarea id="trigger-eventConfig-payloadSchema" rows={6} spellCheck={false} className="font-mono text-xs" invalid={!!error} errorId="trigger-eventConfig-payloadSchema-error" {...register("eventConfig.payloadSchema")} />
    </Field>
  );
}

const ENDING_LABELS: Record<TFlowEnding, string> = { COMPLETED: "Completed", REJECTED: "Rejected", CANCELLED: "Cancelled or withdrawn" };

/** Which endings of a flow fire the trigger (none chosen = completed only, as before endings existed). */
function FlowEndings() {
  const { errorAt, set } = useTriggerForm();
  const endings = useValueAt<TFlowEnding[] | undefined>("eventConfig.endings") ?? ["COMPLETED"];
  const error = errorAt("eventConfig.endings");
  const toggle = (ending: TFlowEnding, on: boolean) => set("eventConfig.endings", FLOW_ENDINGS.filter((item) => (item === ending ? on : endings.includes(item))));
  return (
    <fieldset className="space-y-1" aria-describedby={error ? "trigger-eventConfig-endings-error" : "trigger-eventConfig-endings-hint"}>
      <legend className="text-sm font-medium text-slate-700">When the flow ends as</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        {FLOW_ENDINGS.map((ending) => (
          <label key={ending} className="flex items-center gap-1.5 text-sm">
            <input type="checkbox" className="h-4 w-4 rounded border-slate-300" checked={endings.includes(ending)} onChange={(event) => toggle(ending, event.target.checked)} />
            {ENDING_LABELS[ending]}
          </label>
        ))}
      </div>
      {error ? <p id="trigger-eventConfig-endings-error" className="text-sm text-red-600">{error}</p> : <p id="trigger-eventConfig-endings-hint" className="text-xs text-slate-500">Conditions can also read the ending as <code>status</code>.</p>}
    </fieldset>
  );
}
