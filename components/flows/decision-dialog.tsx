"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, type ReactNode } from "react";
import { useForm, type FieldValues, type Resolver } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Field, Textarea } from "@/components/ui/inputs";
import { Modal } from "@/components/ui/modal";
import { ACTIONS_NEEDING_REASON, type TInstanceAction } from "@/lib/flows/schema";

export type DecisionAction = Extract<TInstanceAction, "approve" | "reject" | "send_back" | "request_changes">;
export type DecisionValues = { comment?: string; reason?: string };

type Props = {
  open: boolean;
  action: DecisionAction;
  /** What is decided, for the title: "#3F2A9C1B" or "3 requests". */
  subject: string;
  /** A line or two about it (flow, initiator, key fields). */
  summary?: ReactNode;
  /**
   * The shared input schema of the action that will run (ZActOnInstance, ZBulkAct), and the values
   * it needs beside the comment and reason (instanceId(s), action): the browser checks exactly what
   * the server will, so a missing reason is a field error here, before anything is sent.
   */
  schema: z.ZodType;
  baseValues: Record<string, unknown>;
  onConfirm: (values: DecisionValues) => void;
  onClose: () => void;
};

const WORDS: Record<DecisionAction, { verb: string; button: string }> = {
  approve: { verb: "Approve", button: "Approve" },
  reject: { verb: "Reject", button: "Reject" },
  send_back: { verb: "Send back", button: "Send back" },
  request_changes: { verb: "Request changes to", button: "Request changes" },
};

/** Confirms a decision on one or several requests: an optional comment, or a required reason. */
export function DecisionDialog({ open, action, subject, summary, schema, baseValues, onConfirm, onClose }: Props) {
  const needsReason = ACTIONS_NEEDING_REASON.includes(action);
  const form = useForm<FieldValues>({
    resolver: zodResolver(schema as never, undefined, { raw: true }) as unknown as Resolver<FieldValues>,
    defaultValues: { ...baseValues, comment: "", reason: "" },
  });
  const { register, handleSubmit, reset, formState } = form;

  // A fresh form each time it opens (another row, another action).
  useEffect(() => {
    if (open) reset({ ...baseValues, comment: "", reason: "" });
    // baseValues is a new object each render; the open transition is what matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, reset]);

  const submit = handleSubmit((values) => onConfirm({ comment: values.comment || undefined, reason: values.reason || undefined }));
  const field = needsReason ? "reason" : "comment";
  const error = formState.errors[field]?.message;
  const errorText = typeof error === "string" ? error : undefined;
  const words = WORDS[action];

  return (
    <Modal open={open} onClose={onClose} title={`${words.verb} ${subject}?`} description={summary}>
      <form
        noValidate
        onSubmit={submit}
        onKeyDown={(event) => {
          // Ctrl/⌘+Enter confirms from the text box, as in most mail and chat apps.
          if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            void submit();
          }
        }}
        className="space-y-4"
      >
        <Field id={`decision-${field}`} label={needsReason ? "Reason (required)" : "Comment (optional)"} error={errorText} hint={needsReason ? "The requester sees this reason." : "Kept in the request's history."}>
          <Textarea
            id={`decision-${field}`}
            rows={3}
            autoFocus
            invalid={Boolean(errorText)}
            errorId={`decision-${field}-error`}
            aria-required={needsReason || undefined}
            {...register(field)}
          />
        </Field>
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" variant={action === "approve" ? "primary" : "danger"}>
            {words.button}
          </Button>
        </div>
      </form>
    </Modal>
  );
}
