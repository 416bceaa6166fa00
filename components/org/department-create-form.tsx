"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { useActionSubmit } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input, Select } from "@/components/ui/inputs";
import { createDepartmentAction } from "@/lib/org/departments/actions";
import { ZCreateDepartment, type TCreateDepartment } from "@/lib/org/departments/schema";

type Option = { id: string; label: string };

export function DepartmentCreateForm({ departments, people }: { departments: (Option & { depth: number })[]; people: Option[] }) {
  const router = useRouter();
  const form = useForm<TCreateDepartment>({
    resolver: zodResolver(ZCreateDepartment, undefined, { raw: true }),
    defaultValues: { name: "", description: "", parentId: "", headId: "" },
  });
  const { submit, pending } = useActionSubmit(form, createDepartmentAction, {
    success: "Department created",
    onSuccess: (created) => {
      form.reset();
      router.push(`/organisation/departments?d=${created.id}`);
    },
  });
  const { errors } = form.formState;
  return (
    <form onSubmit={submit} className="space-y-3" aria-label="New department" noValidate>
      <FormError message={errors.root?.server?.message} />
      <Field id="new-name" label="Name" error={errors.name?.message}>
        <Input id="new-name" invalid={!!errors.name} errorId="new-name-error" {...form.register("name")} />
      </Field>
      <Field id="new-description" label="Description" error={errors.description?.message}>
        <Input id="new-description" {...form.register("description")} />
      </Field>
      <Field id="new-parent" label="Parent department" error={errors.parentId?.message}>
        <Select id="new-parent" {...form.register("parentId")}>
          <option value="">— Top level —</option>
          {departments.map((department) => (
            <option key={department.id} value={department.id}>
              {"\u00a0\u00a0".repeat(department.depth)}
              {department.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="new-head" label="Head" error={errors.headId?.message}>
        <Select id="new-head" {...form.register("headId")}>
          <option value="">— Nobody —</option>
          {people.map((person) => (
            <option key={person.id} value={person.id}>
              {person.label}
            </option>
          ))}
        </Select>
      </Field>
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Creating…" : "Create department"}
      </Button>
    </form>
  );
}
