"use client";

import type { FieldErrors, UseFormRegister } from "react-hook-form";
import { Field, Input } from "@/components/ui/inputs";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/org/users/password-policy";

type Values = { password: string; confirmPassword: string };

/** "Password" and "Confirm password" for a new password, with the rule spelled out. */
export function NewPasswordFields<T extends Values>({ register, errors, label = "Password" }: { register: UseFormRegister<T>; errors: FieldErrors<T>; label?: string }) {
  const reg = register as unknown as UseFormRegister<Values>;
  const errs = errors as FieldErrors<Values>;
  return (
    <>
      <Field id="new-password" label={label} error={errs.password?.message} hint={`${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} characters. A passphrase of a few words works well.`}>
        <Input id="new-password" type="password" autoComplete="new-password" invalid={!!errs.password} errorId="new-password-error" {...reg("password")} />
      </Field>
      <Field id="confirm-password" label="Confirm password" error={errs.confirmPassword?.message}>
        <Input id="confirm-password" type="password" autoComplete="new-password" invalid={!!errs.confirmPassword} errorId="confirm-password-error" {...reg("confirmPassword")} />
      </Field>
    </>
  );
}
