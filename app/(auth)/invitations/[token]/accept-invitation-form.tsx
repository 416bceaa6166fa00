"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { NewPasswordFields } from "@/components/auth/new-password-fields";
import { useActionSubmit } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input } from "@/components/ui/inputs";
import { acceptInvitationAction } from "@/lib/org/invitations/actions";
import { ZAcceptInvitation, type TAcceptInvitation } from "@/lib/org/users/schema";

export function AcceptInvitationForm({ token, email, companyName }: { token: string; email: string; companyName: string }) {
  const [accepted, setAccepted] = useState(false);
  const form = useForm<TAcceptInvitation>({
    resolver: zodResolver(ZAcceptInvitation, undefined, { raw: true }),
    defaultValues: { token, firstName: "", lastName: "", password: "", confirmPassword: "" },
  });
  const { submit, pending } = useActionSubmit(form, acceptInvitationAction, { onSuccess: () => setAccepted(true) });
  const { errors } = form.formState;

  if (accepted) {
    return (
      <div className="space-y-4 text-center" role="status">
        <p className="text-sm text-slate-700">
          Welcome to {companyName}! Your account is ready. Sign in with <strong className="font-medium">{email}</strong> and your new password.
        </p>
        <a href="/sign-in" className="inline-flex rounded-md bg-blue-600 px-4 py-2 text-sm font-medium text-white hover:bg-blue-700">
          Sign in
        </a>
      </div>
    );
  }
  return (
    <form onSubmit={submit} aria-label="Accept the invitation" className="space-y-4" noValidate>
      <FormError message={errors.root?.server?.message ?? errors.token?.message} />
      <Field id="invitee-email" label="Email">
        <Input id="invitee-email" type="email" value={email} readOnly disabled autoComplete="username" />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="first-name" label="First name" error={errors.firstName?.message}>
          <Input id="first-name" autoComplete="given-name" autoFocus invalid={!!errors.firstName} errorId="first-name-error" {...form.register("firstName")} />
        </Field>
        <Field id="last-name" label="Last name" error={errors.lastName?.message}>
          <Input id="last-name" autoComplete="family-name" invalid={!!errors.lastName} errorId="last-name-error" {...form.register("lastName")} />
        </Field>
      </div>
      <NewPasswordFields register={form.register} errors={errors} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Creating your account…" : "Create my account"}
      </Button>
    </form>
  );
}
