"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { useActionSubmit } from "@/components/forms/use-action-form";
import { distinctRootError } from "@/components/org/root-error";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input } from "@/components/ui/inputs";
import { updateProfileAction } from "@/lib/org/users/actions";
import { ZUpdateProfile, type TUpdateProfile } from "@/lib/org/users/schema";

export function ProfileForm({ firstName, lastName }: { firstName: string; lastName: string }) {
  const form = useForm<TUpdateProfile>({ resolver: zodResolver(ZUpdateProfile, undefined, { raw: true }), defaultValues: { firstName, lastName } });
  const { submit, pending } = useActionSubmit(form, updateProfileAction, { success: "Name saved" });
  const { errors, isDirty } = form.formState;
  return (
    <form onSubmit={submit} aria-label="My name" className="space-y-4" noValidate>
      <FormError message={distinctRootError(errors)} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="profile-first-name" label="First name" error={errors.firstName?.message}>
          <Input id="profile-first-name" autoComplete="given-name" invalid={!!errors.firstName} errorId="profile-first-name-error" {...form.register("firstName")} />
        </Field>
        <Field id="profile-last-name" label="Last name" error={errors.lastName?.message}>
          <Input id="profile-last-name" autoComplete="family-name" invalid={!!errors.lastName} errorId="profile-last-name-error" {...form.register("lastName")} />
        </Field>
      </div>
      <Button type="submit" disabled={pending || !isDirty}>
        {pending ? "Saving…" : "Save name"}
      </Button>
    </form>
  );
}
