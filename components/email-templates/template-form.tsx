"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { useActionSubmit } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, FormError, Input, Textarea } from "@/components/ui/inputs";
import { renderEmail } from "@/lib/email-templates/render";
import { parseSample, sampleFor } from "@/lib/email-templates/sample";
import { ZCreateEmailTemplate, ZUpdateEmailTemplate, type TUpdateEmailTemplate } from "@/lib/email-templates/schema";
import { createEmailTemplateAction, updateEmailTemplateAction } from "@/lib/email-templates/server-actions";
import { templateVariables } from "@/lib/triggers/template";
import { EmailPreview } from "./email-preview";

type Props = { template?: TUpdateEmailTemplate; canEdit: boolean };

// Creating and editing share the form; a new template has no id yet, so it is validated with the
// create action's schema, an existing one with the update action's.

/** The template editor: fields on the left, the live preview (rendered in the browser) on the right. */
export function EmailTemplateForm({ template, canEdit }: Props) {
  const router = useRouter();
  const isNew = !template;
  const form = useForm<TUpdateEmailTemplate>({
    resolver: zodResolver(isNew ? (ZCreateEmailTemplate as unknown as typeof ZUpdateEmailTemplate) : ZUpdateEmailTemplate, undefined, { raw: true }),
    defaultValues: template ?? { id: "", key: "", name: "", subject: "", bodyHtml: "", bodyText: "", isActive: true },
  });
  const action = async (values: TUpdateEmailTemplate) => {
    if (isNew) {
      const { id: _id, ...rest } = values;
      return createEmailTemplateAction(rest);
    }
    return updateEmailTemplateAction(values);
  };
  const { submit, pending } = useActionSubmit(form, action, {
    success: isNew ? "Template created" : "Template saved",
    onSuccess: (saved) => (isNew ? router.push(`/triggers/templates/${saved.id}`) : router.refresh()),
  });
  const { errors } = form.formState;
  const [subject, bodyHtml, bodyText] = useWatch({ control: form.control, name: ["subject", "bodyHtml", "bodyText"] });
  const variables = useMemo(() => templateVariables(`${subject ?? ""}\n${bodyHtml ?? ""}\n${bodyText ?? ""}`), [subject, bodyHtml, bodyText]);
  const [sampleText, setSampleText] = useState(() => JSON.stringify(sampleFor(variables), null, 2));
  const sample = useMemo(() => parseSample(sampleText), [sampleText]);
  const rendered = useMemo(() => renderEmail({ subject: subject ?? "", bodyHtml: bodyHtml ?? "", bodyText: bodyText || null }, sample.ok ? sample.data : {}), [subject, bodyHtml, bodyText, sample]);

  return (
    <div className="grid gap-5 lg:grid-cols-2">
      <Card className="p-5">
        <form onSubmit={submit} className="space-y-4" aria-label={isNew ? "New email template" : "Email template"} noValidate>
          <FormError message={errors.root?.server?.message} />
          <fieldset disabled={!canEdit} className="space-y-4">
            <div className="grid gap-4 sm:grid-cols-2">
              <Field id="template-key" label="Key" error={errors.key?.message} hint="What send_email actions refer to, e.g. high_value_expense">
                <Input id="template-key" invalid={!!errors.key} errorId="template-key-error" className="font-mono" {...form.register("key")} />
              </Field>
              <Field id="template-name" label="Name" error={errors.name?.message}>
                <Input id="template-name" invalid={!!errors.name} errorId="template-name-error" {...form.register("name")} />
              </Field>
            </div>
            <Field id="template-subject" label="Subject" error={errors.subject?.message}>
              <Input id="template-subject" invalid={!!errors.subject} errorId="template-subject-error" {...form.register("subject")} />
            </Field>
            <Field id="template-html" label="HTML body" error={errors.bodyHtml?.message} hint="Use {{variable}} for values from the event; they are HTML-escaped.">
              <Textarea id="template-html" rows={10} invalid={!!errors.bodyHtml} errorId="template-html-error" className="font-mono text-xs" {...form.register("bodyHtml")} />
            </Field>
            <Field id="template-text" label="Plain text (optional)" error={errors.bodyText?.message} hint="Left empty, it is derived from the HTML.">
              <Textarea id="template-text" rows={4} invalid={!!errors.bodyText} errorId="template-text-error" className="font-mono text-xs" {...form.register("bodyText")} />
            </Field>
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" className="h-4 w-4 rounded border-slate-300" {...form.register("isActive")} />
              Active (switched-off templates are not sent)
            </label>
          </fieldset>
          {canEdit ? (
            <Button type="submit" disabled={pending}>
              {pending ? "Saving…" : isNew ? "Create template" : "Save template"}
            </Button>
          ) : null}
        </form>
      </Card>
      <Card className="space-y-4 p-5">
        <div>
          <h2 className="text-sm font-semibold text-slate-700">Variables used</h2>
          {variables.length ? (
            <ul className="mt-1 flex flex-wrap gap-1.5" aria-label="Variables used">
              {variables.map((variable) => (
                <li key={variable} className="rounded bg-slate-100 px-2 py-0.5 font-mono text-xs">{`{{${variable}}}`}</li>
              ))}
            </ul>
          ) : (
            <p className="mt-1 text-sm text-slate-500">None yet.</p>
          )}
        </div>
        <div className="space-y-1">
          <div className="flex items-center justify-between">
            <label htmlFor="template-sample" className="text-sm font-medium text-slate-700">Sample data (JSON)</label>
            <button type="button" className="text-xs font-medium text-brand hover:underline" onClick={() => setSampleText(JSON.stringify(sampleFor(variables, sample.ok ? sample.data : {}), null, 2))}>
              Add missing variables
            </button>
          </div>
          <Textarea id="template-sample" rows={6} className="font-mono text-xs" value={sampleText} onChange={(event) => setSampleText(event.target.value)} invalid={!sample.ok} errorId="template-sample-error" />
          {!sample.ok ? <p id="template-sample-error" className="text-sm text-red-600">{sample.message}</p> : null}
        </div>
        <div aria-live="polite">
          <EmailPreview email={rendered} />
        </div>
      </Card>
    </div>
  );
}
