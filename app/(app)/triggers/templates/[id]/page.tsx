import { LINK_BUTTON_SECONDARY } from "@/components/ui/button";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EmailTemplateForm } from "@/components/email-templates/template-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePrincipal } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { getEmailTemplate } from "@/lib/email-templates/service";
import { isAppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";

export const metadata: Metadata = { title: "Email template" };


export default async function EmailTemplatePage({ params }: { params: Promise<{ id: string }> }) {
  const principal = await requirePagePrincipal("triggers.view");
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const template = await getEmailTemplate(principal.companyId, id).catch((error) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  return (
    <div className="space-y-5">
      <PageHeader
        title={template.name}
        description="Changes apply to the next emails sent; the key is how actions find the template."
        actions={
          <Link href="/triggers/templates" className={LINK_BUTTON_SECONDARY}>
            All templates
          </Link>
        }
      />
      <EmailTemplateForm
        canEdit={can(principal.permissions, "triggers.update")}
        template={{ id: template.id, key: template.key, name: template.name, subject: template.subject, bodyHtml: template.bodyHtml, bodyText: template.bodyText ?? "", isActive: template.isActive }}
      />
      <Card className="p-5">
        <h2 className="mb-2 text-sm font-semibold text-slate-700">Used by</h2>
        {template.usedBy.length ? (
          <ul className="list-inside list-disc text-sm">
            {template.usedBy.map((trigger) => (
              <li key={trigger.id}>
                <Link href={`/triggers/${trigger.id}`} className="text-brand hover:underline">{trigger.name}</Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-500">No trigger sends this template.</p>
        )}
      </Card>
    </div>
  );
}
