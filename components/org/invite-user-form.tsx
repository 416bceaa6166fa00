"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { useActionSubmit } from "@/components/forms/use-action-form";
import { RoleCheckboxes } from "@/components/org/role-checkboxes";
import { distinctRootError } from "@/components/org/root-error";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, FormError, Input, Select } from "@/components/ui/inputs";
import { inviteUserAction } from "@/lib/org/invitations/actions";
import { ZInviteUser, type TInviteUser } from "@/lib/org/users/schema";
import { SYSTEM_ROLE_LABELS } from "@/lib/org/users/system-roles";
import type { SystemRole } from "@/lib/auth/permissions";

type Props = {
  roles: { id: string; name: string }[];
  departments: { id: string; name: string; depth: number }[];
  grantableRoles: SystemRole[];
};

const EMPTY: TInviteUser = { email: "", systemRole: "EMPLOYEE", roleIds: [], departmentId: "" };

/** "Invite someone": a button that opens the invitation form on the People page. */
export function InviteUserPanel(props: Props) {
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <Button type="button" onClick={() => setOpen(true)}>
        Invite someone
      </Button>
    );
  }
  return (
    <Card className="w-full p-5">
      <div className="mb-4 flex items-center justify-between">
        <h2 className="text-base font-semibold text-slate-900">Invite someone</h2>
        <Button type="button" variant="ghost" onClick={() => setOpen(false)}>
          Close
        </Button>
      </div>
      <InviteUserForm {...props} />
    </Card>
  );
}

function InviteUserForm({ roles, departments, grantableRoles }: Props) {
  const systemRoles: SystemRole[] = grantableRoles.length ? [...grantableRoles].reverse() : ["EMPLOYEE"];
  const form = useForm<TInviteUser>({ resolver: zodResolver(ZInviteUser, undefined, { raw: true }), defaultValues: EMPTY });
  const { submit, pending } = useActionSubmit(form, inviteUserAction, {
    success: (sent) => (sent.delivered ? `Invitation emailed to ${sent.email}` : sent.error ? `Invitation created, but the mail failed: ${sent.error}` : `Invitation for ${sent.email} is in the outbox`),
    onSuccess: () => form.reset(EMPTY),
  });
  const { errors } = form.formState;
  return (
    <form onSubmit={submit} aria-label="Invite someone" className="grid gap-4 md:grid-cols-3" noValidate>
      <div className="md:col-span-3">
        <FormError message={distinctRootError(errors)} />
      </div>
      <Field id="invite-email" label="Email" error={errors.email?.message}>
        <Input id="invite-email" type="email" autoComplete="off" invalid={!!errors.email} errorId="invite-email-error" {...form.register("email")} />
      </Field>
      <Field id="invite-system-role" label="System role" error={errors.systemRole?.message}>
        <Select id="invite-system-role" invalid={!!errors.systemRole} errorId="invite-system-role-error" {...form.register("systemRole")}>
          {systemRoles.map((role) => (
            <option key={role} value={role}>
              {SYSTEM_ROLE_LABELS[role]}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="invite-department" label="Department" error={errors.departmentId?.message}>
        <Select id="invite-department" {...form.register("departmentId")}>
          <option value="">— No department —</option>
          {departments.map((department) => (
            <option key={department.id} value={department.id}>
              {"\u00a0\u00a0".repeat(department.depth)}
              {department.name}
            </option>
          ))}
        </Select>
      </Field>
      <div className="md:col-span-3">
        <Controller
          control={form.control}
          name="roleIds"
          render={({ field }) => <RoleCheckboxes legend="Company roles" roles={roles} value={field.value ?? []} onChange={field.onChange} error={errors.roleIds?.message} />}
        />
      </div>
      <div className="md:col-span-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Sending…" : "Send invitation"}
        </Button>
      </div>
    </form>
  );
}
