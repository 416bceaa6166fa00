"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { useForm } from "react-hook-form";
import { runAction, useActionSubmit } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input } from "@/components/ui/inputs";
import { createCompanyAction, switchCompanyAction } from "@/lib/org/company/actions";
import { ZCreateCompany, type TCreateCompany } from "@/lib/org/company/schema";

type Company = { id: string; name: string; slug: string };

/** For platform developers: every company, switching between them, and creating new ones. */
export function CompaniesPanel({ companies, currentId }: { companies: Company[]; currentId: string }) {
  const router = useRouter();
  const [switching, startSwitch] = useTransition();
  const form = useForm<TCreateCompany>({ resolver: zodResolver(ZCreateCompany, undefined, { raw: true }), defaultValues: { name: "", slug: "" } });
  const { submit, pending } = useActionSubmit(form, createCompanyAction, { success: (company) => `${company.name} created`, onSuccess: () => form.reset() });
  const { errors } = form.formState;
  const switchTo = (company: Company) =>
    startSwitch(async () => {
      const result = await runAction(switchCompanyAction({ companyId: company.id }), `Now working in ${company.name}`);
      if (result.ok) router.push("/");
    });
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <ul className="divide-y divide-slate-100 rounded-md border border-slate-200" aria-label="Companies">
        {companies.map((company) => (
          <li key={company.id} className="flex items-center justify-between px-4 py-2.5 text-sm">
            <span>
              <span className="font-medium">{company.name}</span> <span className="text-slate-400">{company.slug}</span>
            </span>
            {company.id === currentId ? (
              <span className="text-xs text-slate-500">Current</span>
            ) : (
              <Button type="button" variant="secondary" className="px-3 py-1" disabled={switching} onClick={() => switchTo(company)}>
                Switch to {company.name}
              </Button>
            )}
          </li>
        ))}
      </ul>
      <form onSubmit={submit} className="space-y-3" aria-label="New company" noValidate>
        <FormError message={errors.root?.server?.message} />
        <Field id="new-company-name" label="Company name" error={errors.name?.message}>
          <Input id="new-company-name" invalid={!!errors.name} errorId="new-company-name-error" {...form.register("name")} />
        </Field>
        <Field id="new-company-slug" label="Slug" error={errors.slug?.message} hint="A short unique key, e.g. globex">
          <Input id="new-company-slug" invalid={!!errors.slug} errorId="new-company-slug-error" {...form.register("slug")} />
        </Field>
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create company"}
        </Button>
      </form>
    </div>
  );
}
