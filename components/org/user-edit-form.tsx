"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Controller, useForm } from "react-hook-form";
import { useActionSubmit } from "@/components/forms/use-action-form";
import { RoleCheckboxes } from "@/components/org/role-checkboxes";
import { distinctRootError } from "@/components/org/root-error";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input, Select } from "@/components/ui/inputs";
import type { SystemRole } from "@/lib/auth/permissions";
import { updateUserAction } from "@/lib/org/users/actions";
import { ZUpdateUser, type TUpdateUser } from "@/lib/org/users/schema";
import { SYSTEM_ROLE_LABELS, SYSTEM_ROLES } from "@/lib/org/users/system-roles";

type Option = { id: string; name: string };
type Props = {
  user: { id: string; firstName: string; lastName: string; systemRole: SystemRole; roleIds: string[]; departmentId: string | null; managerId: string | null };
  roles: Option[];
  departments: (Option & { depth: number })[];
  people: { id: string; label: string; email: string }[];
  grantableRoles: SystemRole[];
  canUpdate: boolean;
};

/** Edit a person: name, system role, company roles, department and manager. */
export function UserEditForm({ user, roles, departments, people, grantableRoles, canUpdate }: Props) {
  const form = useForm<TUpdateUser>({
    resolver: zodResolver(ZUpdateUser, undefined, { raw: true }),
    defaultValues: {
      id: user.id,
      firstName: user.firstName,
      lastName: user.lastName,
      systemRole: user.systemRole,
      roleIds: user.roleIds,
      departmentId: user.departmentId ?? "",
      managerId: user.managerId ?? "",
    },
  });
  const { submit, pending } = useActionSubmit(form, updateUserAction, { success: "Changes saved", onSuccess: () => form.reset(form.getValues()) });
  const { errors, isDirty } = form.formState;
  // The current role stays listed (and selected) even when this admin could not grant it.
  const roleChoices = SYSTEM_ROLES.filter((role) => role === user.systemRole || grantableRoles.includes(role));
  const roleLocked = !canUpdate || !grantableRoles.includes(user.systemRole);

  return (
    <form onSubmit={submit} aria-label="Edit person" className="space-y-4" noValidate>
      <FormError message={distinctRootError(errors)} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="user-first-name" label="First name" error={errors.firstName?.message}>
          <Input id="user-first-name" disabled={!canUpdate} invalid={!!errors.firstName} errorId="user-first-name-error" {...form.register("firstName")} />
        </Field>
        <Field id="user-last-name" label="Last name" error={errors.lastName?.message}>
          <Input id="user-last-name" disabled={!canUpdate} invalid={!!errors.lastName} errorId="user-last-name-error" {...form.register("lastName")} />
        </Field>
        <Field
          id="user-system-role"
          label="System role"
          error={errors.systemRole?.message}
          hint={roleLocked && canUpdate ? "You cannot change this person's system role." : undefined}
        >
          {roleLocked ? (
            // Shown, not registered: the unchanged role still goes with the form from its default values.
            <Select id="user-system-role" disabled value={user.systemRole}>
              <option value={user.systemRole}>{SYSTEM_ROLE_LABELS[user.systemRole]}</option>
            </Select>
          ) : (
            <Select id="user-system-role" invalid={!!errors.systemRole} errorId="user-system-role-error" {...form.register("systemRole")}>
              {roleChoices.map((role) => (
                <option key={role} value={role}>
                  {SYSTEM_ROLE_LABELS[role]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field id="user-department" label="Department" error={errors.departmentId?.message}>
          <Select id="user-department" disabled={!canUpdate} invalid={!!errors.departmentId} errorId="user-department-error" {...form.register("departmentId")}>
            <option value="">— No department —</option>
            {departments.map((department) => (
              <option key={department.id} value={department.id}>
                {"\u00a0\u00a0".repeat(department.depth)}
                {department.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="user-manager" label="Manager" error={errors.managerId?.message}>
          <Select id="user-manager" disabled={!canUpdate} invalid={!!errors.managerId} errorId="user-manager-error" {...form.register("managerId")}>
            <option value="">— No manager —</option>
            {people
              .filter((person) => person.id !== user.id)
              .map((person) => (
                <option key={person.id} value={person.id}>
                  {person.label} ({person.email})
                </option>
              ))}
          </Select>
        </Field>
      </div>
      <Controller
        control={form.control}
        name="roleIds"
        render={({ field }) => <RoleCheckboxes legend="Company roles" roles={roles} value={field.value ?? []} onChange={field.onChange} disabled={!canUpdate} error={errors.roleIds?.message} />}
      />
      {canUpdate ? (
        <Button type="submit" disabled={pending || !isDirty}>
          {pending ? "Saving…" : "Save changes"}
        </Button>
      ) : null}
    </form>
  );
}
