"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { NewPasswordFields } from "@/components/auth/new-password-fields";
import { useActionSubmit } from "@/components/forms/use-action-form";
import { distinctRootError } from "@/components/org/root-error";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input } from "@/components/ui/inputs";
import { changePasswordAction } from "@/lib/org/users/actions";
import { ZChangePassword, type TChangePassword } from "@/lib/org/users/schema";

const EMPTY: TChangePassword = { currentPassword: "", password: "", confirmPassword: "" };

export function ChangePasswordForm({ email }: { email: string }) {
  const form = useForm<TChangePassword>({ resolver: zodResolver(ZChangePassword, undefined, { raw: true }), defaultValues: EMPTY });
  const { submit, pending } = useActionSubmit(form, changePasswordAction, {
    success: (result) => (result.otherSessionsRevoked ? `Password changed; ${result.otherSessionsRevoked} other session(s) signed out` : "Password changed"),
    onSuccess: () => form.reset(EMPTY),
  });
  const { errors } = form.formState;
  return (
    <form onSubmit={submit} aria-label="Change password" className="max-w-md space-y-4" noValidate>
      <FormError message={distinctRootError(errors)} />
      {/* Lets password managers file the new password under the right account. */}
      <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
      <Field id="current-password" label="Current password" error={errors.currentPassword?.message}>
        <Input id="current-password" type="password" autoComplete="current-password" invalid={!!errors.currentPassword} errorId="current-password-error" {...form.register("currentPassword")} />
      </Field>
      <NewPasswordFields register={form.register} errors={errors} label="New password" />
      <Button type="submit" disabled={pending}>
        {pending ? "Changing…" : "Change password"}
      </Button>
    </form>
  );
}
