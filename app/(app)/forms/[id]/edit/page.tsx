import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FormBuilder } from "@/components/forms/builder/form-builder";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePrincipal } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { orNull } from "@/lib/errors";
import { getForm, getPickerContext, publishedKeys, storedDefinition } from "@/lib/forms/queries";
import { CreateDraftButton } from "./create-draft-button";

export const metadata: Metadata = { title: "Form builder" };


/** The drag-and-drop builder of a form's draft; a read-only notice when there is nothing to edit. */
export default async function FormBuilderPage({ params }: { params: Promise<{ id: string }> }) {
  const principal = await requirePagePrincipal("tasks.view");
  const { id } = await params;
  const form = /^[0-9a-f-]{36}$/i.test(id) ? await orNull(getForm(principal.companyId, id)) : null;
  if (!form) notFound();
  const canUpdate = can(principal.permissions, "tasks.update");
  const draft = form.draft;
  if (!canUpdate || !draft || form.archivedAt) {
    const reason = !canUpdate
      ? "You can look at this form, but changing it needs the permission to update forms."
      : form.archivedAt
        ? "This form is archived; unarchive it to edit it."
        : "This form has no draft: its newest version is published and frozen.";
    return (
      <div className="mx-auto max-w-2xl">
        <PageHeader title={form.name} description="Form builder" />
        <Card className="space-y-4 p-5">
          <p role="status" className="text-sm text-slate-700">
            {reason}
          </p>
          <div className="flex flex-wrap gap-2">
            {canUpdate && !draft && form.published && !form.archivedAt ? <CreateDraftButton taskId={form.id} /> : null}
            <Link href={`/forms/${form.id}`} className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-50">
              Back to the form
            </Link>
          </div>
        </Card>
      </div>
    );
  }
  const [keys, context] = await Promise.all([publishedKeys(principal.companyId, form.id), getPickerContext(principal.companyId)]);
  return (
    <FormBuilder
      taskId={form.id}
      formName={form.name}
      versionNumber={draft.number}
      initialDefinition={storedDefinition(draft.definition)}
      revision={draft.revision}
      savedAt={draft.updatedAt.toISOString()}
      publishedKeys={keys}
      canPublish={can(principal.permissions, "tasks.publish")}
      context={{ users: context.users.filter((user) => !user.inactive), departments: context.departments }}
    />
  );
}
