"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { useActionSubmit } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input, Select } from "@/components/ui/inputs";
import { createRoleAction, updateRoleAction } from "@/lib/org/roles/actions";
import { ZCreateRole, ZUpdateRole, type TCreateRole, type TUpdateRole } from "@/lib/org/roles/schema";

type Department = { id: string; label: string; depth: number };

function DepartmentOptions({ departments }: { departments: Department[] }) {
  return (
    <>
      <option value="">— Any department —</option>
      {departments.map((department) => (
        <option key={department.id} value={department.id}>
          {"\u00a0\u00a0".repeat(department.depth)}
          {department.label}
        </option>
      ))}
    </>
  );
}

export function RoleCreateForm({ departments }: { departments: Department[] }) {
  const router = useRouter();
  const form = useForm<TCreateRole>({ resolver: zodResolver(ZCreateRole, undefined, { raw: true }), defaultValues: { name: "", description: "", departmentId: "" } });
  const { submit, pending } = useActionSubmit(form, createRoleAction, {
    success: "Role created",
    onSuccess: (role) => router.push(`/organisation/roles/${role.id}`),
  });
  const { errors } = form.formState;
  return (
    <form onSubmit={submit} className="space-y-3" aria-label="New role" noValidate>
      <FormError message={errors.root?.server?.message} />
      <Field id="role-name" label="Name" error={errors.name?.message}>
        <Input id="role-name" invalid={!!errors.name} errorId="role-name-error" {...form.register("name")} />
      </Field>
      <Field id="role-description" label="Description" error={errors.description?.message}>
        <Input id="role-description" {...form.register("description")} />
      </Field>
      <Field id="role-department" label="Department" error={errors.departmentId?.message}>
        <Select id="role-department" {...form.register("departmentId")}>
          <DepartmentOptions departments={departments} />
        </Select>
      </Field>
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Creating…" : "Create role"}
      </Button>
    </form>
  );
}

export function RoleEditForm({ role, departments, canUpdate }: { role: TUpdateRole; departments: Department[]; canUpdate: boolean }) {
  const form = useForm<TUpdateRole>({ resolver: zodResolver(ZUpdateRole, undefined, { raw: true }), defaultValues: role });
  const { submit, pending } = useActionSubmit(form, updateRoleAction, { success: "Role saved" });
  const { errors } = form.formState;
  return (
    <form onSubmit={submit} className="grid gap-3 md:grid-cols-3" aria-label="Edit role" noValidate>
      <div className="md:col-span-3">
        <FormError message={errors.root?.server?.message} />
      </div>
      <Field id="edit-role-name" label="Name" error={errors.name?.message}>
        <Input id="edit-role-name" disabled={!canUpdate} invalid={!!errors.name} errorId="edit-role-name-error" {...form.register("name")} />
      </Field>
      <Field id="edit-role-description" label="Description" error={errors.description?.message}>
        <Input id="edit-role-description" disabled={!canUpdate} {...form.register("description")} />
      </Field>
      <Field id="edit-role-department" label="Department" error={errors.departmentId?.message}>
        <Select id="edit-role-department" disabled={!canUpdate} {...form.register("departmentId")}>
          <DepartmentOptions departments={departments} />
        </Select>
      </Field>
      {canUpdate ? (
        <div>
          <Button type="submit" disabled={pending}>
            {pending ? "Saving…" : "Save"}
          </Button>
        </div>
      ) : null}
    </form>
  );
}
