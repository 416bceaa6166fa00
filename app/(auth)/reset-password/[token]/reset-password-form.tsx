"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { NewPasswordFields } from "@/components/auth/new-password-fields";
import { useActionSubmit } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/inputs";
import { resetPasswordAction } from "@/lib/org/users/actions";
import { ZResetPassword, type TResetPassword } from "@/lib/org/users/schema";

export function ResetPasswordForm({ token }: { token: string }) {
  const [done, setDone] = useState(false);
  const form = useForm<TResetPassword>({ resolver: zodResolver(ZResetPassword, undefined, { raw: true }), defaultValues: { token, password: "", confirmPassword: "" } });
  const { submit, pending } = useActionSubmit(form, resetPasswordAction, { onSuccess: () => setDone(true) });
  const { errors } = form.formState;
  if (done) {
    return (
      <div className="space-y-4 text-center" role="status">
        <p className="text-sm text-slate-700">Your password has been changed. Sign in with your new password.</p>
        <a href="/sign-in" className="inline-flex rounded-md bg-blue-600 px-4 py-2 text-sm font-medium text-white hover:bg-blue-700">
          Sign in
        </a>
      </div>
    );
  }
  return (
    <form onSubmit={submit} aria-label="Choose a new password" className="space-y-4" noValidate>
      <FormError message={errors.root?.server?.message ?? errors.token?.message} />
      <NewPasswordFields register={form.register} errors={errors} label="New password" />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Saving…" : "Set new password"}
      </Button>
    </form>
  );
}
