"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { useActionSubmit } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input } from "@/components/ui/inputs";
import { createFlowAction } from "@/lib/flows/design-actions";
import { ZCreateFlow, type TCreateFlow } from "@/lib/flows/editor/schema";

/** Creates a flow with an empty draft and opens it in the editor. */
export function NewFlowForm() {
  const router = useRouter();
  const form = useForm<TCreateFlow>({ resolver: zodResolver(ZCreateFlow, undefined, { raw: true }), defaultValues: { name: "", description: "" } });
  const { submit, pending } = useActionSubmit(form, createFlowAction, { success: "Flow created", onSuccess: (created) => router.push(`/flows/${created.id}/edit`) });
  const { errors } = form.formState;
  return (
    <form onSubmit={submit} className="space-y-3" aria-label="New flow" noValidate>
      <FormError message={errors.root?.server?.message} />
      <Field id="new-flow-name" label="Name" error={errors.name?.message}>
        <Input id="new-flow-name" invalid={!!errors.name} errorId="new-flow-name-error" {...form.register("name")} />
      </Field>
      <Field id="new-flow-description" label="Description" error={errors.description?.message}>
        <Input id="new-flow-description" {...form.register("description")} />
      </Field>
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Creating…" : "Create flow"}
      </Button>
    </form>
  );
}
