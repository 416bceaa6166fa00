"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm, type Path } from "react-hook-form";
import { toast } from "sonner";
import { FormRenderer } from "@/components/forms/renderer/form-renderer";
import type { TRendererContext } from "@/components/forms/renderer/types";
import { Button } from "@/components/ui/button";
import { Field, FormError, Select, Textarea } from "@/components/ui/inputs";
import type { ActionResult } from "@/lib/action";
import { actOnInstanceAction } from "@/lib/flows/actions";
import type { TLevelAction } from "@/lib/flows/definition";
import { ZActOnInstance, type TActOnInstance } from "@/lib/flows/schema";
import { ACTION_LABELS } from "@/lib/flows/view/request-status";
import type { TFormDefinition } from "@/lib/forms/definition";
import { ConfirmDialog } from "./confirm-dialog";

type Props = {
  instanceId: string;
  version: number;
  levelName: string;
  actions: TLevelAction[];
  sendBackTargets: { levelId: string; name: string }[];
  /** The current level's form(s), combined; null when the level only decides. */
  definition: TFormDefinition | null;
  initialValues: Record<string, unknown>;
  context: TRendererContext;
  isInitiator: boolean;
};

type Result = ActionResult<{ status: string; currentLevelName: string | null }>;
type Decision = Exclude<TLevelAction, "submit">;
const DECISIONS: Decision[] = ["approve", "reject", "send_back", "request_changes"];

function successMessage(action: TLevelAction, result: { status: string; currentLevelName: string | null }, levelName: string): string {
  const done = { submit: "Submitted", approve: "Approved", reject: "Rejected", send_back: "Sent back", request_changes: "Changes requested" }[action];
  if (result.status === "COMPLETED") return `${done}. The request is completed.`;
  if (result.status === "REJECTED") return `${done}. The request is rejected.`;
  // "All assignees" / "at least N": the level waits until enough people approved.
  if ((action === "approve" || action === "submit") && result.currentLevelName === levelName) return `${done}. “${levelName}” now waits for the other approvers.`;
  return result.currentLevelName ? `${done}. It is now at “${result.currentLevelName}”.` : `${done}.`;
}

/**
 * The task of the person holding the current level: the level's form(s) to fill (validated with the
 * server's submission schema), a comment, a reason, and the level's allowed actions — validated with
 * ZActOnInstance (a reason for reject / send back / request changes) before they reach the server,
 * whose refusals (self-approval, someone else was faster) land here as a message or on the field.
 */
export function TaskPanel({ instanceId, version, levelName, actions, sendBackTargets, definition, initialValues, context, isInitiator }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [confirming, setConfirming] = useState<TActOnInstance | null>(null);
  const form = useForm<TActOnInstance>({
    resolver: zodResolver(ZActOnInstance, undefined, { raw: true }),
    defaultValues: { instanceId, action: "approve", comment: "", reason: "", toLevelId: sendBackTargets[0]?.levelId, expectedVersion: version },
  });
  const errors = form.formState.errors;

  // With a form on the level, submitting (or approving) goes through the form; the rest are buttons.
  const formAction: "submit" | "approve" | null = definition ? (actions.includes("submit") ? "submit" : actions.includes("approve") ? "approve" : null) : null;
  const buttons = DECISIONS.filter((action) => actions.includes(action) && action !== formAction);
  const needsReason = buttons.some((action) => action !== "approve");

  const report = (action: TLevelAction, result: Result) => {
    if (result.ok) {
      toast.success(successMessage(action, result.data, levelName));
      form.reset(form.getValues());
      router.refresh();
      return;
    }
    for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
      if (["comment", "reason", "toLevelId"].includes(field)) form.setError(field as Path<TActOnInstance>, { type: "server", message: messages[0] });
    }
    form.setError("root.server", { type: "server", message: result.error });
    toast.error(result.error);
  };

  const send = (values: TActOnInstance) =>
    startTransition(async () => {
      form.clearErrors("root.server");
      try {
        report(values.action as TLevelAction, (await actOnInstanceAction(values)) as Result);
      } catch {
        form.setError("root.server", { type: "server", message: "Could not reach the server. Check your connection and try again." });
      }
    });

  const decide = (action: Decision) => {
    form.setValue("action", action);
    void form.handleSubmit((values) => {
      // Only a send-back names a level (the choice stays in the form for a later send-back).
      const decided = { ...values, toLevelId: action === "send_back" ? values.toLevelId : undefined };
      if (action === "reject") setConfirming(decided);
      else send(decided);
    })();
  };

  const reasonId = `reason-${instanceId}`;
  const commentId = `comment-${instanceId}`;
  const targetId = `target-${instanceId}`;
  return (
    <div className="space-y-5">
      <FormError message={errors.root?.server?.message} />
      <Field id={commentId} label="Comment (optional)" error={errors.comment?.message} hint="Kept in the request's history with your decision.">
        <Textarea id={commentId} rows={2} invalid={!!errors.comment} errorId={`${commentId}-error`} {...form.register("comment")} />
      </Field>

      {definition && formAction ? (
        <div className="rounded-md border border-slate-200 p-4">
          <h3 className="mb-3 text-sm font-semibold text-slate-900">{isInitiator && formAction === "submit" ? "Edit your request and resubmit" : `Fill in “${levelName}”`}</h3>
          <FormRenderer
            definition={definition}
            initialValues={initialValues}
            context={context}
            submitLabel={formAction === "submit" ? (isInitiator ? "Resubmit" : "Submit") : "Approve"}
            onSubmit={async (data) => {
              const result = (await actOnInstanceAction({ instanceId, action: formAction, data: data as TActOnInstance["data"], comment: form.getValues("comment"), expectedVersion: version })) as Result;
              // The form shows its own field errors and message; a success is reported here.
              if (result.ok) report(formAction, result);
              else toast.error(result.error);
              return result;
            }}
          />
        </div>
      ) : null}

      {buttons.length > 0 ? (
        <div className="space-y-4">
          {needsReason ? (
            <Field id={reasonId} label="Reason" error={errors.reason?.message} hint={`Required to ${buttons.filter((action) => action !== "approve").map((action) => ACTION_LABELS[action].toLowerCase()).join(", ")}; the requester sees it.`}>
              <Textarea id={reasonId} rows={3} invalid={!!errors.reason} errorId={`${reasonId}-error`} {...form.register("reason")} />
            </Field>
          ) : null}
          {buttons.includes("send_back") && sendBackTargets.length > 0 ? (
            <Field id={targetId} label="Send back to" error={errors.toLevelId?.message}>
              <Select id={targetId} invalid={!!errors.toLevelId} errorId={`${targetId}-error`} {...form.register("toLevelId")}>
                {sendBackTargets.map((target) => (
                  <option key={target.levelId} value={target.levelId}>
                    {target.name}
                  </option>
                ))}
              </Select>
            </Field>
          ) : null}
          <div className="flex flex-wrap gap-2">
            {buttons.map((action) => (
              <Button key={action} type="button" variant={action === "approve" ? "primary" : action === "reject" ? "danger" : "secondary"} disabled={pending} onClick={() => decide(action)}>
                {ACTION_LABELS[action]}
              </Button>
            ))}
          </div>
        </div>
      ) : null}
      <p aria-live="polite" className="sr-only">
        {pending ? "Sending your decision…" : ""}
      </p>
      <ConfirmDialog
        open={confirming !== null}
        title="Reject this request?"
        description={<p>The request ends as rejected and the requester is told your reason. This cannot be undone.</p>}
        confirmLabel="Reject request"
        pendingLabel="Rejecting…"
        variant="danger"
        pending={pending}
        onConfirm={() => {
          if (confirming) send(confirming);
          setConfirming(null);
        }}
        onClose={() => setConfirming(null)}
      />
    </div>
  );
}
