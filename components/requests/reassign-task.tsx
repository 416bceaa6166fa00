"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { useActionSubmit } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input, Select } from "@/components/ui/inputs";
import { reassignAction } from "@/lib/flows/actions";
import { ZReassign, type TReassign } from "@/lib/flows/schema";

type Option = { id: string; label: string };
type Props = { instanceId: string; version: number; holders: { principal: string; label: string }[]; users: Option[] };

/** An admin hands the open task from one of its holders to an active user (ZReassign, reassignAction). */
export function ReassignTask({ instanceId, version, holders, users }: Props) {
  const router = useRouter();
  const form = useForm<TReassign>({
    resolver: zodResolver(ZReassign, undefined, { raw: true }),
    defaultValues: { instanceId, fromPrincipal: holders[0]?.principal ?? "", toUserId: "", reason: "", expectedVersion: version },
  });
  const { submit, pending } = useActionSubmit(form, reassignAction, {
    success: "The task was reassigned.",
    onSuccess: () => router.refresh(),
  });
  const errors = form.formState.errors;
  return (
    <form onSubmit={submit} noValidate className="space-y-3" aria-label="Reassign the task">
      <FormError message={errors.root?.server?.message} />
      <Field id="reassign-from" label="Take it from" error={errors.fromPrincipal?.message}>
        <Select id="reassign-from" invalid={!!errors.fromPrincipal} errorId="reassign-from-error" {...form.register("fromPrincipal")}>
          {holders.map((holder) => (
            <option key={holder.principal} value={holder.principal}>
              {holder.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="reassign-to" label="Give it to" error={errors.toUserId?.message}>
        <Select id="reassign-to" invalid={!!errors.toUserId} errorId="reassign-to-error" {...form.register("toUserId")}>
          <option value="">Choose a person…</option>
          {users.map((user) => (
            <option key={user.id} value={user.id}>
              {user.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="reassign-reason" label="Reason (optional)" error={errors.reason?.message}>
        <Input id="reassign-reason" invalid={!!errors.reason} errorId="reassign-reason-error" {...form.register("reason")} />
      </Field>
      <Button type="submit" variant="secondary" disabled={pending || holders.length === 0}>
        {pending ? "Reassigning…" : "Reassign"}
      </Button>
    </form>
  );
}
