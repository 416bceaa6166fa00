import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePrincipal } from "@/lib/auth/guard";
import { orNull } from "@/lib/errors";
import { getFillableForm, getPickerContext } from "@/lib/forms/queries";
import { FillForm } from "./fill-form";

export const metadata: Metadata = { title: "Fill in a form" };

export default async function FillFormPage({ params }: { params: Promise<{ id: string }> }) {
  const principal = await requirePagePrincipal("tasks.view");
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const form = await orNull(getFillableForm(principal.companyId, id));
  if (!form) notFound();
  const context = await getPickerContext(principal.companyId);
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader title={form.task.name} description={form.task.description ?? undefined} />
      <Card className="p-4 sm:p-6">
        {form.isOpen && form.version ? (
          <FillForm taskId={form.task.id} definition={form.version.definition} context={{ users: context.users.filter((user) => !user.inactive), departments: context.departments }} />
        ) : (
          <p className="text-sm text-slate-600">This form is not open for submissions at the moment.</p>
        )}
      </Card>
      {form.version ? <p className="mt-2 text-right text-xs text-slate-400">Version {form.version.number}</p> : null}
    </div>
  );
}
