import type { Metadata } from "next";
import { EmailTemplateForm } from "@/components/email-templates/template-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePrincipal } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "New email template" };

export default async function NewEmailTemplatePage() {
  await requirePagePrincipal("triggers.update");
  return (
    <div>
      <PageHeader title="New email template" description="Write the subject and body; the preview renders them with the sample data as you type." />
      <EmailTemplateForm canEdit />
    </div>
  );
}
