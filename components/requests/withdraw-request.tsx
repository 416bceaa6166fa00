"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useActionSubmit } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, FormError, Textarea } from "@/components/ui/inputs";
import { cancelInstanceAction } from "@/lib/flows/actions";
import { ZCancelInstance, type TCancelInstance } from "@/lib/flows/schema";
import { ConfirmDialog } from "./confirm-dialog";

type Props = { instanceId: string; version: number; label: string; mode: "withdraw" | "cancel"; className?: string };

/**
 * Withdraw my running request (or, for an admin, cancel someone's) after a confirmation, with an
 * optional reason — ZCancelInstance in the browser and in the action.
 */
export function WithdrawRequest({ instanceId, version, label, mode, className }: Props) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const form = useForm<TCancelInstance>({
    resolver: zodResolver(ZCancelInstance, undefined, { raw: true }),
    defaultValues: { instanceId, reason: "", expectedVersion: version },
  });
  const { submit, pending } = useActionSubmit(form, cancelInstanceAction, {
    success: mode === "withdraw" ? "Your request was withdrawn." : "The request was cancelled.",
    onSuccess: () => {
      setOpen(false);
      router.refresh();
    },
  });
  const reasonId = `withdraw-reason-${instanceId}`;
  const errors = form.formState.errors;
  const verb = mode === "withdraw" ? "Withdraw" : "Cancel";
  return (
    <>
      <Button type="button" variant="secondary" className={className} onClick={() => setOpen(true)} aria-haspopup="dialog">
        {verb}
        <span className="sr-only"> {label}</span>
      </Button>
      <ConfirmDialog
        open={open}
        title={mode === "withdraw" ? "Withdraw this request?" : "Cancel this request?"}
        description={<p>{label} stops here: nobody can act on it any more. This cannot be undone.</p>}
        confirmLabel={mode === "withdraw" ? "Withdraw request" : "Cancel request"}
        pendingLabel={mode === "withdraw" ? "Withdrawing…" : "Cancelling…"}
        variant="danger"
        pending={pending}
        onConfirm={() => void submit()}
        onClose={() => setOpen(false)}
      >
        <FormError message={errors.root?.server?.message} />
        <Field id={reasonId} label="Reason (optional)" error={errors.reason?.message}>
          <Textarea id={reasonId} rows={3} invalid={!!errors.reason} errorId={`${reasonId}-error`} {...form.register("reason")} />
        </Field>
      </ConfirmDialog>
    </>
  );
}
