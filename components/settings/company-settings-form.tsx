"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { useActionSubmit } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input } from "@/components/ui/inputs";
import { updateCompanySettingsAction } from "@/lib/org/company/actions";
import { LOGO_MAX_BYTES, ZCompanySettings, type TCompanySettings } from "@/lib/org/company/schema";

type Props = { initial: { name: string; domain: string; primaryColor: string; secondaryColor: string }; logoUrl: string | null };

function ColourField({ id, label, value, onChange, error }: { id: string; label: string; value: string; onChange: (value: string) => void; error?: string }) {
  return (
    <Field id={id} label={label} error={error}>
      <div className="flex items-center gap-2">
        <input type="color" aria-label={`${label} picker`} value={/^#[0-9a-fA-F]{6}$/.test(value) ? value : "#000000"} onChange={(event) => onChange(event.target.value)} className="h-9 w-12 cursor-pointer rounded border border-slate-300" />
        <Input id={id} value={value} invalid={!!error} errorId={`${id}-error`} onChange={(event) => onChange(event.target.value)} className="font-mono" />
      </div>
    </Field>
  );
}

/** Company name, domain, logo and colours, with a live preview of the app shell. */
export function CompanySettingsForm({ initial, logoUrl }: Props) {
  const form = useForm<TCompanySettings>({ resolver: zodResolver(ZCompanySettings, undefined, { raw: true }), defaultValues: { ...initial, logo: null, removeLogo: false } });
  const { submit, pending } = useActionSubmit(form, updateCompanySettingsAction, { success: "Settings saved", onSuccess: () => form.setValue("logo", null) });
  const [logoPreview, setLogoPreview] = useState<string | null>(logoUrl);
  const [logoError, setLogoError] = useState<string>();
  const values = form.watch();
  const { errors } = form.formState;

  useEffect(() => () => {
    if (logoPreview?.startsWith("blob:")) URL.revokeObjectURL(logoPreview);
  }, [logoPreview]);

  const pickLogo = (file: File | undefined) => {
    setLogoError(undefined);
    if (!file) return;
    if (file.size > LOGO_MAX_BYTES) {
      setLogoError("The logo must be at most 1 MB.");
      return;
    }
    if (!["image/png", "image/jpeg", "image/svg+xml"].includes(file.type)) {
      setLogoError("Use a PNG, JPEG or SVG image.");
      return;
    }
    form.setValue("logo", file);
    form.setValue("removeLogo", false);
    setLogoPreview(URL.createObjectURL(file));
  };

  return (
    <form onSubmit={submit} className="grid gap-8 lg:grid-cols-2" aria-label="Company settings" noValidate>
      <div className="space-y-4">
        <FormError message={errors.root?.server?.message} />
        <Field id="company-name" label="Company name" error={errors.name?.message}>
          <Input id="company-name" invalid={!!errors.name} errorId="company-name-error" {...form.register("name")} />
        </Field>
        <Field id="company-domain" label="Domain" error={errors.domain?.message} hint="Used to recognise your company's email addresses.">
          <Input id="company-domain" placeholder="acme.com" invalid={!!errors.domain} errorId="company-domain-error" {...form.register("domain")} />
        </Field>
        <Field id="company-logo" label="Logo" error={logoError ?? (errors.logo?.message as string | undefined)} hint="PNG, JPEG or SVG, at most 1 MB.">
          <div className="flex items-center gap-3">
            <input id="company-logo" type="file" accept="image/png,image/jpeg,image/svg+xml" onChange={(event) => pickLogo(event.target.files?.[0])} className="text-sm" />
            {logoPreview ? (
              <button
                type="button"
                className="text-sm text-red-600 hover:underline"
                onClick={() => {
                  form.setValue("logo", null);
                  form.setValue("removeLogo", true);
                  setLogoPreview(null);
                }}
              >
                Remove logo
              </button>
            ) : null}
          </div>
        </Field>
        <ColourField id="company-primary" label="Primary colour" value={values.primaryColor ?? ""} error={errors.primaryColor?.message} onChange={(value) => form.setValue("primaryColor", value, { shouldValidate: true })} />
        <ColourField id="company-secondary" label="Secondary colour" value={values.secondaryColor ?? ""} error={errors.secondaryColor?.message} onChange={(value) => form.setValue("secondaryColor", value, { shouldValidate: true })} />
        <Button type="submit" disabled={pending || !!logoError}>
          {pending ? "Saving…" : "Save settings"}
        </Button>
      </div>
      <div aria-label="Preview" className="space-y-2">
        <p className="text-sm font-medium text-slate-700">Preview</p>
        <div className="flex h-64 overflow-hidden rounded-lg border border-slate-200 shadow-sm" data-testid="branding-preview">
          <div className="flex w-40 flex-col gap-2 p-3 text-white" style={{ background: values.secondaryColor }}>
            <div className="flex items-center gap-2">
              {logoPreview ? (
                // eslint-disable-next-line @next/next/no-img-element
                <img src={logoPreview} alt="Logo preview" className="h-8 w-8 rounded object-contain bg-white" />
              ) : (
                <div className="flex h-8 w-8 items-center justify-center rounded text-xs font-bold" style={{ background: values.primaryColor }}>
                  {(values.name || "?").slice(0, 2).toUpperCase()}
                </div>
              )}
              <span className="truncate text-xs font-semibold">{values.name || "Company"}</span>
            </div>
            <div className="rounded bg-white/15 px-2 py-1 text-xs">Dashboard</div>
            <div className="px-2 py-1 text-xs text-white/70">Departments</div>
          </div>
          <div className="flex-1 bg-slate-50 p-4">
            <p className="text-sm font-semibold text-slate-800">Dashboard</p>
            <div className="mt-3 rounded border border-slate-200 bg-white p-3 text-xs text-slate-500">A card</div>
            <span className="mt-3 inline-block rounded px-3 py-1.5 text-xs font-medium text-white" style={{ background: values.primaryColor }}>
              Primary button
            </span>
          </div>
        </div>
      </div>
    </form>
  );
}
