"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { createPortal } from "react-dom";
import { useForm } from "react-hook-form";
import { useActionSubmit } from "@/components/forms/use-action-form";
import { formatWhen } from "@/components/org/format";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input } from "@/components/ui/inputs";
import { Modal } from "@/components/ui/modal";
import { ZRotateSecret, type TRotateSecret } from "@/lib/triggers/secret-schema";
import { rotateSecretAction } from "@/lib/triggers/server-actions";
import { SecretOnce } from "./secret-once";

export type TWebhookInfo = { triggerId: string; url: string; secrets: { id: string; createdAt: string; expiresAt: string | null }[] };

/** The inbound URL of a webhook trigger, its secrets' validity and the rotation with an overlap. */
export function WebhookSecrets({ webhook }: { webhook: TWebhookInfo | null }) {
  const [open, setOpen] = useState(false);
  const [rotated, setRotated] = useState<string | null>(null);
  if (!webhook) return <p className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-600">The URL to send to and its signing secret appear when the trigger is saved.</p>;
  const now = Date.now();
  const live = webhook.secrets.filter((secret) => !secret.expiresAt || Date.parse(secret.expiresAt) > now);
  return (
    <div className="space-y-3">
      <div>
        <label htmlFor="trigger-webhook-url" className="block text-sm font-medium text-slate-700">Send webhooks to</label>
        <input id="trigger-webhook-url" readOnly value={webhook.url} onFocus={(event) => event.target.select()} className="mt-1 block w-full rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-xs" />
        <p className="mt-1 text-xs text-slate-500">Signed with the Standard Webhooks scheme (webhook-id, webhook-timestamp, webhook-signature).</p>
      </div>
      <ul className="text-sm text-slate-600" aria-label="Valid secrets">
        {live.map((secret) => (
          <li key={secret.id}>Secret from {formatWhen(new Date(secret.createdAt))}{secret.expiresAt ? `, valid until ${formatWhen(new Date(secret.expiresAt))}` : ""}</li>
        ))}
      </ul>
      {rotated ? <SecretOnce secret={rotated} label="New signing secret" /> : null}
      <Button type="button" variant="secondary" onClick={() => setOpen(true)}>Rotate secret</Button>
      {/* This sits inside the trigger's <form>: the dialog's own form is portalled out of it (no nested
          forms in the DOM) and stops its submit event (React bubbles it through portals). */}
      {open
        ? createPortal(
            <Modal open onClose={() => setOpen(false)} title="Rotate the signing secret" description="A new secret is made; the current ones stay valid for the overlap, so senders can switch without refused requests.">
              <RotateForm
                triggerId={webhook.triggerId}
                onRotated={(secret) => {
                  setRotated(secret);
                  setOpen(false);
                }}
              />
            </Modal>,
            document.body,
          )
        : null}
    </div>
  );
}

function RotateForm({ triggerId, onRotated }: { triggerId: string; onRotated: (secret: string) => void }) {
  const router = useRouter();
  const form = useForm<TRotateSecret>({ resolver: zodResolver(ZRotateSecret, undefined, { raw: true }), defaultValues: { triggerId, overlapHours: 24 } });
  const { submit, pending } = useActionSubmit(form, rotateSecretAction, {
    success: "Secret rotated",
    onSuccess: (result) => {
      onRotated(result.secret);
      router.refresh();
    },
  });
  const error = form.formState.errors.overlapHours?.message;
  return (
    <form
      onSubmit={(event) => {
        event.stopPropagation();
        void submit(event);
      }}
      className="space-y-3"
      noValidate
    >
      <FormError message={form.formState.errors.root?.server?.message} />
      <Field id="rotate-overlap" label="Keep the current secrets valid for (hours)" error={error}>
        <Input id="rotate-overlap" type="number" inputMode="numeric" invalid={!!error} errorId="rotate-overlap-error" {...form.register("overlapHours", { valueAsNumber: true })} />
      </Field>
      <Button type="submit" disabled={pending}>{pending ? "Rotating…" : "Rotate secret"}</Button>
    </form>
  );
}
