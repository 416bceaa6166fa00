"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useActionSubmit } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input, Textarea } from "@/components/ui/inputs";
import { createTableAction } from "@/lib/tables/designer-actions";
import { slugOfLabel } from "@/lib/tables/keys";
import { ZCreateTable, type TCreateTable } from "@/lib/tables/schema";

/** Creates an empty table and opens it in the designer. The key follows the name until edited by hand. */
export function NewTableForm() {
  const router = useRouter();
  const [keyEdited, setKeyEdited] = useState(false);
  const form = useForm<TCreateTable>({ resolver: zodResolver(ZCreateTable, undefined, { raw: true }), defaultValues: { displayName: "", name: "", description: "" } });
  const { submit, pending } = useActionSubmit(form, createTableAction, { success: "Table created", onSuccess: (table) => router.push(`/tables/${table.name}/design`) });
  const { errors } = form.formState;
  const displayName = form.register("displayName", {
    onChange: (event: { target: { value: string } }) => {
      if (!keyEdited) form.setValue("name", slugOfLabel(event.target.value, ""), { shouldValidate: form.formState.isSubmitted });
    },
  });
  const key = form.register("name", { onChange: () => setKeyEdited(true) });
  return (
    <form onSubmit={submit} className="space-y-4" aria-label="New table" noValidate>
      <FormError message={errors.root?.server?.message} />
      <Field id="table-display-name" label="Name" error={errors.displayName?.message}>
        <Input id="table-display-name" invalid={!!errors.displayName} errorId="table-display-name-error" autoFocus {...displayName} />
      </Field>
      <Field id="table-key" label="Key" error={errors.name?.message} hint="Used in links and the API. It cannot change once the table exists.">
        <Input id="table-key" className="font-mono" invalid={!!errors.name} errorId="table-key-error" {...key} />
      </Field>
      <Field id="table-description" label="Description" error={errors.description?.message}>
        <Textarea id="table-description" rows={3} {...form.register("description")} />
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create and design columns"}
      </Button>
    </form>
  );
}
