"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import { Controller, FormProvider, useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import { ConditionEditor, type TConditionField } from "@/components/expressions/condition-editor";
import { runAction, useActionSubmit } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, FormError, Input, Textarea } from "@/components/ui/inputs";
import { Modal } from "@/components/ui/modal";
import type { TypeEnv } from "@/lib/expressions/types";
import { ZTriggerInput, type TEventType, type TTriggerInput } from "@/lib/triggers/definition";
import type { TEditorOptions } from "@/lib/triggers/editor-options";
import { archiveTriggerAction, createTriggerAction, updateTriggerAction } from "@/lib/triggers/server-actions";
import { ActionList } from "./action-list";
import { EventSection, TimeZoneList } from "./event-section";
import { firstMessage } from "./form-helpers";
import { SecretOnce } from "./secret-once";
import { SettingsSection } from "./settings-section";
import { TestPanel } from "./test-panel";
import { useTriggerFields } from "./use-trigger-fields";
import type { TWebhookInfo } from "./webhook-secrets";

type Scope = { eventType: TEventType; taskId: string | null; flowId: string | null; tableId: string | null };

type Props = {
  triggerId?: string;
  initial: TTriggerInput;
  updatedAt?: string;
  options: TEditorOptions;
  initialFields: { scope: Scope; env: TypeEnv };
  webhook: TWebhookInfo | null;
  canEdit: boolean;
  canDelete: boolean;
};

/** The trigger editor: details, event, condition, actions and settings in one form, and the test panel. */
export function TriggerEditor({ triggerId, initial, updatedAt, options, initialFields, webhook, canEdit, canDelete }: Props) {
  const router = useRouter();
  const form = useForm<TTriggerInput>({ resolver: zodResolver(ZTriggerInput, undefined, { raw: true }), defaultValues: initial });
  const [expectedUpdatedAt, setExpectedUpdatedAt] = useState(updatedAt);
  const [created, setCreated] = useState<{ id: string; secret: string } | null>(null);

  const save = async (values: TTriggerInput) => {
    if (!triggerId) return createTriggerAction(values);
    return updateTriggerAction({ triggerId, expectedUpdatedAt: expectedUpdatedAt!, trigger: values });
  };
  const { submit, pending } = useActionSubmit(form, save, {
    success: triggerId ? "Trigger saved" : "Trigger created",
    onSuccess: (saved) => {
      // Loops found by the save-time analysis are warnings: saved, but worth a second look.
      for (const warning of saved.warnings) toast.warning(warning, { duration: 15_000 });
      if (triggerId) {
        setExpectedUpdatedAt(saved.updatedAt);
        form.reset(form.getValues());
        router.refresh();
      } else if ("secret" in saved && typeof saved.secret === "string") setCreated({ id: saved.id, secret: saved.secret });
      else router.push(`/triggers/${saved.id}`);
    },
  });

  const { errors } = form.formState;
  const [eventType, taskId, flowId, tableId] = useWatch({ control: form.control, name: ["eventType", "taskId", "flowId", "tableId"] }) as [TEventType, string | null | undefined, string | null | undefined, string | null | undefined];
  const fields = useTriggerFields({ eventType, taskId: taskId ?? null, flowId: flowId ?? null, tableId: tableId ?? null }, initialFields);
  const conditionFields: TConditionField[] = useMemo(
    () =>
      Object.entries(fields.data ?? {})
        .sort(([a], [b]) => Number(a.startsWith("event.")) - Number(b.startsWith("event.")))
        .map(([key, type]) => ({ key, label: key, type })),
    [fields.data],
  );

  return (
    <FormProvider {...form}>
      <TimeZoneList />
      <div className="grid gap-5 xl:grid-cols-[minmax(0,1fr)_26rem]">
        <form onSubmit={submit} className="space-y-5" aria-label="Trigger" noValidate>
          <FormError message={errors.root?.server?.message} />
          <fieldset disabled={!canEdit} className="space-y-5">
            <Card className="space-y-4 p-5">
              <h2 className="text-base font-semibold text-slate-900">Trigger</h2>
              <Field id="trigger-name" label="Name" error={errors.name?.message}>
                <Input id="trigger-name" invalid={!!errors.name} errorId="trigger-name-error" {...form.register("name")} />
              </Field>
              <Field id="trigger-description" label="Description (optional)" error={errors.description?.message}>
                <Textarea id="trigger-description" rows={2} {...form.register("description")} />
              </Field>
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" className="h-4 w-4 rounded border-slate-300" {...form.register("isActive")} />
                Active
              </label>
            </Card>
            <EventSection options={options} webhook={webhook} />
            <Card className="space-y-3 p-5">
              <h2 className="text-base font-semibold text-slate-900">Only if</h2>
              <p className="text-sm text-slate-500">Leave empty to run for every event. {fields.isFetching ? "Loading the fields…" : null}</p>
              <Controller
                control={form.control}
                name="condition"
                render={({ field }) => (
                  <ConditionEditor label="Condition" value={field.value ?? ""} onChange={field.onChange} fields={conditionFields} errors={firstMessage(errors.condition) ? [firstMessage(errors.condition)!] : []} />
                )}
              />
            </Card>
            <ActionList options={options} />
            <SettingsSection />
          </fieldset>
          {canEdit ? (
            <div className="flex flex-wrap items-center gap-3">
              <Button type="submit" disabled={pending}>{pending ? "Saving…" : triggerId ? "Save trigger" : "Create trigger"}</Button>
              {triggerId && canDelete ? <ArchiveTrigger triggerId={triggerId} name={initial.name} /> : null}
            </div>
          ) : null}
        </form>
        <div className="xl:sticky xl:top-20 xl:max-h-[calc(100vh-6rem)] xl:self-start xl:overflow-y-auto">
          <TestPanel triggerId={triggerId} />
        </div>
      </div>
      <Modal open={created !== null} onClose={() => created && router.push(`/triggers/${created.id}`)} title="Trigger created" description="Senders sign their webhooks with this secret.">
        {created ? (
          <div className="space-y-4">
            <SecretOnce secret={created.secret} />
            <Button type="button" onClick={() => router.push(`/triggers/${created.id}`)}>I have copied it</Button>
          </div>
        ) : null}
      </Modal>
    </FormProvider>
  );
}

function ArchiveTrigger({ triggerId, name }: { triggerId: string; name: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  return (
    <>
      <Button type="button" variant="ghost" className="text-red-700" onClick={() => setOpen(true)}>Delete…</Button>
      <Modal open={open} onClose={() => setOpen(false)} title={`Delete “${name}”?`} description="It stops reacting to events. Its execution log is kept.">
        <div className="flex gap-2">
          <Button
            type="button"
            variant="danger"
            disabled={pending}
            onClick={() =>
              startTransition(async () => {
                const result = await runAction(archiveTriggerAction({ triggerId }), "Trigger deleted");
                if (result.ok) router.push("/triggers");
              })
            }
          >
            Delete trigger
          </Button>
          <Button type="button" variant="secondary" onClick={() => setOpen(false)}>Cancel</Button>
        </div>
      </Modal>
    </>
  );
}
