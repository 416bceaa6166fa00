"use client";

import { useTransition } from "react";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import { toast } from "sonner";
import type { ActionResult } from "@/lib/action";

/**
 * Submits a react-hook-form form through a server action: the server's field errors land on the
 * fields, its message in a toast, and nothing typed is lost when it fails.
 */
export function useActionSubmit<TValues extends FieldValues, TResult>(
  form: UseFormReturn<TValues>,
  action: (values: TValues) => Promise<ActionResult<TResult>>,
  options: { success?: string | ((result: TResult) => string); onSuccess?: (result: TResult) => void } = {},
) {
  const [pending, startTransition] = useTransition();
  const submit = form.handleSubmit((values) =>
    new Promise<void>((resolve) => {
      startTransition(async () => {
        try {
          const result = await action(values);
          if (result.ok) {
            const message = typeof options.success === "function" ? options.success(result.data) : options.success;
            if (message) toast.success(message);
            options.onSuccess?.(result.data);
          } else {
            for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
              if (field) form.setError(field as Path<TValues>, { type: "server", message: messages[0] });
            }
            form.setError("root.server", { type: "server", message: result.error });
            toast.error(result.error);
          }
        } catch {
          toast.error("Could not reach the server. Check your connection and try again.");
        } finally {
          resolve();
        }
      });
    }),
  );
  return { submit, pending };
}

/** Runs a one-off server action (no form) with toasts. */
export async function runAction<TResult>(promise: Promise<ActionResult<TResult>>, success?: string): Promise<ActionResult<TResult>> {
  try {
    const result = await promise;
    if (result.ok && success) toast.success(success);
    if (!result.ok) toast.error(result.error);
    return result;
  } catch {
    toast.error("Could not reach the server. Check your connection and try again.");
    return { ok: false, error: "network" };
  }
}
