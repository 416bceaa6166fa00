"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { useActionSubmit } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input } from "@/components/ui/inputs";
import { createDatasetAction } from "@/lib/datasets/actions";
import { ZCreateDataset, type TCreateDataset } from "@/lib/datasets/schema";

/** Creates an empty draft dataset and opens it in the editor. */
export function NewDatasetForm() {
  const router = useRouter();
  const form = useForm<TCreateDataset>({
    resolver: zodResolver(ZCreateDataset, undefined, { raw: true }),
    defaultValues: { name: "", category: "", description: "", sections: [], visibility: { roleIds: [], departmentIds: [] } },
  });
  const { submit, pending } = useActionSubmit(form, createDatasetAction, { success: "Dataset created", onSuccess: (created) => router.push(`/datasets/${created.id}`) });
  const { errors } = form.formState;
  return (
    <form onSubmit={submit} className="space-y-3" aria-label="New dataset" noValidate>
      <FormError message={errors.root?.server?.message} />
      <Field id="new-dataset-name" label="Name" error={errors.name?.message}>
        <Input id="new-dataset-name" invalid={!!errors.name} errorId="new-dataset-name-error" {...form.register("name")} />
      </Field>
      <Field id="new-dataset-category" label="Category" error={errors.category?.message}>
        <Input id="new-dataset-category" {...form.register("category")} />
      </Field>
      <Field id="new-dataset-description" label="Description" error={errors.description?.message}>
        <Input id="new-dataset-description" {...form.register("description")} />
      </Field>
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Creating…" : "Create dataset"}
      </Button>
    </form>
  );
}
