"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { useActionSubmit } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input } from "@/components/ui/inputs";
import { createFormAction } from "@/lib/forms/actions";
import { ZCreateForm, type TCreateForm } from "@/lib/forms/schema";

/** Creates an empty draft form and opens it in the builder. */
export function NewFormForm() {
  const router = useRouter();
  const form = useForm<TCreateForm>({ resolver: zodResolver(ZCreateForm, undefined, { raw: true }), defaultValues: { name: "", description: "", standalone: true } });
  const { submit, pending } = useActionSubmit(form, createFormAction, { success: "Form created", onSuccess: (created) => router.push(`/forms/${created.id}/edit`) });
  const { errors } = form.formState;
  return (
    <form onSubmit={submit} className="space-y-3" aria-label="New form" noValidate>
      <FormError message={errors.root?.server?.message} />
      <Field id="new-form-name" label="Name" error={errors.name?.message}>
        <Input id="new-form-name" invalid={!!errors.name} errorId="new-form-name-error" {...form.register("name")} />
      </Field>
      <Field id="new-form-description" label="Description" error={errors.description?.message}>
        <Input id="new-form-description" {...form.register("description")} />
      </Field>
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" className="h-4 w-4" {...form.register("standalone")} />
        Can be filled in on its own (outside a flow)
      </label>
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Creating…" : "Create form"}
      </Button>
    </form>
  );
}
