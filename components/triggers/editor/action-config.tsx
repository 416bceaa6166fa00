"use client";

import { Field, Input, Select, Textarea } from "@/components/ui/inputs";
import type { TEditorOptions } from "@/lib/triggers/editor-options";
import { splitList } from "@/lib/triggers/editor-model";
import { idFor, useTriggerForm, useValueAt } from "./form-helpers";
import { MappingEditor } from "./mapping-editor";

// The config form of one action, by type. Every input sits at its path in the trigger
// ("actions.1.config.template"), so the server's field errors land on it.

type Props = { index: number; type: string; options: TEditorOptions };

function CheckList({ legend, items, value, onChange, error, id }: { legend: string; items: { id: string; label: string }[]; value: string[]; onChange: (next: string[]) => void; error?: string; id: string }) {
  return (
    <fieldset className="space-y-1" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="text-sm font-medium text-slate-700">{legend}</legend>
      <div className="flex max-h-32 flex-wrap gap-x-4 gap-y-1 overflow-y-auto">
        {items.map((item) => (
          <label key={item.id} className="flex items-center gap-1.5 text-sm">
            <input type="checkbox" className="h-4 w-4 rounded border-slate-300" checked={value.includes(item.id)} onChange={(event) => onChange(event.target.checked ? [...value, item.id] : value.filter((id) => id !== item.id))} />
            {item.label}
          </label>
        ))}
      </div>
      {error ? <p id={`${id}-error`} className="text-sm text-red-600">{error}</p> : null}
    </fieldset>
  );
}

/** A list of strings typed as one comma-separated text (kept as typed while focused). */
function ListInput({ path, label, hint }: { path: string; label: string; hint?: string }) {
  const { errorAt, set } = useTriggerForm();
  const value = useValueAt<string[] | undefined>(path) ?? [];
  const id = idFor(path);
  const error = errorAt(path);
  return (
    <Field id={id} label={label} error={error} hint={hint}>
      <Input id={id} invalid={!!error} errorId={`${id}-error`} defaultValue={value.join(", ")} onChange={(event) => set(path, splitList(event.target.value))} />
    </Field>
  );
}

function TextInput({ path, label, hint, placeholder, multiline, mono }: { path: string; label: string; hint?: string; placeholder?: string; multiline?: boolean; mono?: boolean }) {
  const { errorAt, register } = useTriggerForm();
  const id = idFor(path);
  const error = errorAt(path);
  return (
    <Field id={id} label={label} error={error} hint={hint}>
      {multiline ? (
        <Textarea id={id} rows={4} invalid={!!error} errorId={`${id}-error`} placeholder={placeholder} className={mono ? "font-mono text-xs" : undefined} {...register(path)} />
      ) : (
        <Input id={id} invalid={!!error} errorId={`${id}-error`} placeholder={placeholder} className={mono ? "font-mono" : undefined} {...register(path, { setValueAs: (text: string) => (text === "" ? undefined : text) })} />
      )}
    </Field>
  );
}

function Recipients({ at, options }: { at: string; options: TEditorOptions }) {
  const { errorAt, register, set } = useTriggerForm();
  const roles = useValueAt<string[] | undefined>(`${at}.toRoles`) ?? [];
  return (
    <>
      <CheckList id={idFor(`${at}.toRoles`)} legend="Everyone with a role" items={options.roles.map((role) => ({ id: role.id, label: role.name }))} value={roles} onChange={(next) => set(`${at}.toRoles`, next)} error={errorAt(`${at}.toRoles`)} />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" className="h-4 w-4 rounded border-slate-300" {...register(`${at}.toActor`)} />
        The person who caused the event (submitter, initiator, editor)
      </label>
    </>
  );
}

export function ActionConfig({ index, type, options }: Props) {
  const at = `actions.${index}.config`;
  const { errorAt, register, set } = useTriggerForm();
  const tableId = useValueAt<string | undefined>(`${at}.tableId`);
  // Read unconditionally (hooks); each is undefined for the types that have no such mapping.
  const values = useValueAt<Record<string, string> | undefined>(`${at}.values`) ?? {};
  const headers = useValueAt<Record<string, string> | undefined>(`${at}.headers`) ?? {};
  const data = useValueAt<Record<string, string> | undefined>(`${at}.data`) ?? {};
  switch (type) {
    case "send_email": {
      const templateId = idFor(`${at}.template`);
      return (
        <div className="space-y-3">
          <Field id={templateId} label="Email template" error={errorAt(`${at}.template`)}>
            <Select id={templateId} invalid={!!errorAt(`${at}.template`)} errorId={`${templateId}-error`} {...register(`${at}.template`)}>
              <option value="">Choose a template</option>
              {options.templates.map((template) => (
                <option key={template.key} value={template.key}>
                  {template.name} ({template.key}){template.isActive ? "" : " — off"}
                </option>
              ))}
            </Select>
          </Field>
          <ListInput path={`${at}.to`} label="To (email addresses)" hint="Separate addresses with commas." />
          <Recipients at={at} options={options} />
          <TextInput path={`${at}.toField`} label="Address from the event (optional)" placeholder="e.g. customer.email" mono />
        </div>
      );
    }
    case "start_flow":
      return <StartFlowConfig at={at} options={options} data={data} />;
    case "create_row":
    case "update_row": {
      const table = options.tables.find((candidate) => candidate.id === tableId);
      const selectId = idFor(`${at}.tableId`);
      return (
        <div className="space-y-3">
          <Field id={selectId} label="Table" error={errorAt(`${at}.tableId`)}>
            <Select id={selectId} invalid={!!errorAt(`${at}.tableId`)} errorId={`${selectId}-error`} {...register(`${at}.tableId`)}>
              <option value="">Choose a table</option>
              {options.tables.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>{candidate.name}</option>
              ))}
            </Select>
          </Field>
          {type === "update_row" ? <TextInput path={`${at}.recordIdFrom`} label="Id of the record to update, from the event" hint="event.entityId is the row the event is about." mono /> : null}
          <MappingEditor
            key={tableId ?? "none"}
            id={idFor(`${at}.values`)}
            legend="Column values"
            hint="{{field}} inserts text from the event; =field copies a value as it is (numbers stay numbers)."
            keyLabel="Column"
            valueLabel="Value"
            value={values}
            onChange={(next) => set(`${at}.values`, next)}
            fixedKeys={table?.columns ?? []}
            errorFor={(key) => errorAt(`${at}.values.${key}`)}
          />
        </div>
      );
    }
    case "call_webhook": {
      const methodId = idFor(`${at}.method`);
      return (
        <div className="space-y-3">
          <div className="grid gap-3 sm:grid-cols-[8rem_minmax(0,1fr)]">
            <Field id={methodId} label="Method" error={errorAt(`${at}.method`)}>
              <Select id={methodId} {...register(`${at}.method`)}>
                <option>POST</option>
                <option>PUT</option>
                <option>PATCH</option>
              </Select>
            </Field>
            <TextInput path={`${at}.url`} label="URL" placeholder="https://example.com/hooks/expenses" />
          </div>
          <MappingEditor id={idFor(`${at}.headers`)} legend="Headers" keyLabel="Header" valueLabel="Header value" value={headers} onChange={(next) => set(`${at}.headers`, next)} errorFor={(key) => errorAt(`${at}.headers.${key}`)} />
          <TextInput path={`${at}.body`} label="JSON body (optional)" hint="Empty sends the event itself. Values of {{variables}} are JSON-encoded." placeholder='{"amount": {{amount}}, "who": {{employee_name}}}' multiline mono />
          <Field id={idFor(`${at}.timeoutMs`)} label="Timeout (ms)" error={errorAt(`${at}.timeoutMs`)}>
            <Input id={idFor(`${at}.timeoutMs`)} type="number" inputMode="numeric" invalid={!!errorAt(`${at}.timeoutMs`)} errorId={`${idFor(`${at}.timeoutMs`)}-error`} {...register(`${at}.timeoutMs`, { setValueAs: (text: string) => (text === "" ? undefined : Number(text)) })} />
          </Field>
        </div>
      );
    }
    case "notify":
      return <NotifyConfig at={at} options={options} />;
    default:
      return <p className="text-sm text-red-700">Unknown action type “{type}”.</p>;
  }
}

function StartFlowConfig({ at, options, data }: { at: string; options: TEditorOptions; data: Record<string, string> }) {
  const { errorAt, register, set } = useTriggerForm();
  const flowSelect = idFor(`${at}.flowId`);
  const initiatorSelect = idFor(`${at}.initiator`);
  return (
    <div className="space-y-3">
      <Field id={flowSelect} label="Flow" error={errorAt(`${at}.flowId`)}>
        <Select id={flowSelect} invalid={!!errorAt(`${at}.flowId`)} errorId={`${flowSelect}-error`} {...register(`${at}.flowId`)}>
          <option value="">Choose a published flow</option>
          {options.flows.map((flow) => (
            <option key={flow.id} value={flow.id} disabled={flow.status !== "PUBLISHED"}>
              {flow.name}{flow.status === "PUBLISHED" ? "" : " (not published)"}
            </option>
          ))}
        </Select>
      </Field>
      <Field id={initiatorSelect} label="Started by" error={errorAt(`${at}.initiator`)}>
        <Select id={initiatorSelect} {...register(`${at}.initiator`)}>
          <option value="actor">The person who caused the event</option>
          {options.users.map((user) => (
            <option key={user.id} value={user.id}>{user.label}</option>
          ))}
        </Select>
      </Field>
      <MappingEditor id={idFor(`${at}.data`)} legend="Start data" hint="Start-form field → {{template}} or =field from the event." keyLabel="Field" valueLabel="Value" value={data} onChange={(next) => set(`${at}.data`, next)} errorFor={(key) => errorAt(`${at}.data.${key}`)} />
    </div>
  );
}

function NotifyConfig({ at, options }: { at: string; options: TEditorOptions }) {
  const { errorAt, register, set } = useTriggerForm();
  const users = useValueAt<string[] | undefined>(`${at}.userIds`) ?? [];
  const roles = useValueAt<string[] | undefined>(`${at}.roleIds`) ?? [];
  return (
    <div className="space-y-3">
      <CheckList id={idFor(`${at}.userIds`)} legend="People" items={options.users} value={users} onChange={(next) => set(`${at}.userIds`, next)} error={errorAt(`${at}.userIds`)} />
      <CheckList id={idFor(`${at}.roleIds`)} legend="Everyone with a role" items={options.roles.map((role) => ({ id: role.id, label: role.name }))} value={roles} onChange={(next) => set(`${at}.roleIds`, next)} error={errorAt(`${at}.roleIds`)} />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" className="h-4 w-4 rounded border-slate-300" {...register(`${at}.toActor`)} />
        The person who caused the event
      </label>
      <TextInput path={`${at}.title`} label="Title" placeholder="Expense from {{employee_name}}" />
      <TextInput path={`${at}.body`} label="Message" multiline />
      <TextInput path={`${at}.link`} label="Link (optional)" placeholder="/instances/…" />
    </div>
  );
}
