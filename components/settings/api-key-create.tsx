"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useActionSubmit } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input } from "@/components/ui/inputs";
import type { Permission } from "@/lib/auth/permissions";
import { createApiKeyAction } from "@/lib/org/api-keys/actions";
import { ZCreateApiKey, type TCreateApiKey } from "@/lib/org/api-keys/schema";

/** Creates a key and shows its token once, with a copy button. */
export function ApiKeyCreate({ grantable }: { grantable: Permission[] }) {
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const form = useForm<TCreateApiKey>({ resolver: zodResolver(ZCreateApiKey, undefined, { raw: true }), defaultValues: { name: "", scopes: [], expiresInDays: "90" as unknown as number } });
  const { submit, pending } = useActionSubmit(form, createApiKeyAction, {
    success: "API key created",
    onSuccess: (key) => {
      setCreated({ name: key.name, token: key.token });
      form.reset();
    },
  });
  const { errors } = form.formState;
  const scopes = form.watch("scopes") ?? [];
  const toggle = (permission: Permission, on: boolean) =>
    form.setValue("scopes", on ? [...scopes, permission] : scopes.filter((scope) => scope !== permission), { shouldValidate: true });
  return (
    <div className="space-y-4">
      {created ? (
        <div role="status" className="space-y-2 rounded-md border border-green-200 bg-green-50 p-4">
          <p className="text-sm font-medium text-green-900">Copy the key for “{created.name}” now — it will not be shown again.</p>
          <div className="flex gap-2">
            <code data-testid="api-key-token" className="flex-1 break-all rounded bg-white px-2 py-1.5 font-mono text-xs">
              {created.token}
            </code>
            <Button type="button" variant="secondary" onClick={() => navigator.clipboard?.writeText(created.token)}>
              Copy
            </Button>
          </div>
        </div>
      ) : null}
      <form onSubmit={submit} className="space-y-3" aria-label="New API key" noValidate>
        <FormError message={errors.root?.server?.message} />
        <div className="grid gap-3 md:grid-cols-2">
          <Field id="key-name" label="Name" error={errors.name?.message} hint="What will use it, e.g. “Payroll sync”">
            <Input id="key-name" invalid={!!errors.name} errorId="key-name-error" {...form.register("name")} />
          </Field>
          <Field id="key-expiry" label="Expires after (days)" error={errors.expiresInDays?.message} hint="Leave empty for no expiry">
            <Input id="key-expiry" type="number" min={1} max={730} {...form.register("expiresInDays")} />
          </Field>
        </div>
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">Permissions</legend>
          {errors.scopes ? <p className="text-sm text-red-600">{errors.scopes.message}</p> : null}
          <div className="mt-2 grid max-h-56 grid-cols-2 gap-x-4 gap-y-1 overflow-y-auto rounded-md border border-slate-200 p-3 md:grid-cols-4">
            {grantable.map((permission) => (
              <label key={permission} className="flex items-center gap-2 text-xs">
                <input type="checkbox" checked={scopes.includes(permission)} onChange={(event) => toggle(permission, event.target.checked)} />
                {permission}
              </label>
            ))}
          </div>
        </fieldset>
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create API key"}
        </Button>
      </form>
    </div>
  );
}
