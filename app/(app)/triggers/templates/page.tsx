import { LINK_BUTTON_SECONDARY } from "@/components/ui/button";
import type { Metadata } from "next";
import Link from "next/link";
import { formatWhen } from "@/components/org/format";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePrincipal } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { listEmailTemplates } from "@/lib/email-templates/service";

export const metadata: Metadata = { title: "Email templates" };

const TH = "whitespace-nowrap px-4 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-500";
const TD = "px-4 py-3 align-top text-sm";

export default async function EmailTemplatesPage() {
  const principal = await requirePagePrincipal("triggers.view");
  const templates = await listEmailTemplates(principal.companyId);
  return (
    <div className="space-y-5">
      <PageHeader
        title="Email templates"
        description="The emails triggers send: a subject and body with {{variables}} from the event."
        actions={
          <>
            <Link href="/triggers" className={LINK_BUTTON_SECONDARY}>
              All triggers
            </Link>
            {can(principal.permissions, "triggers.update") ? (
              <Link href="/triggers/templates/new" className="rounded-md bg-brand px-3 py-2 text-sm font-medium text-white hover:opacity-90">
                New template
              </Link>
            ) : null}
          </>
        }
      />
      <Card className="overflow-hidden">
        {templates.length === 0 ? (
          <p className="px-4 py-10 text-center text-sm text-slate-500">No email templates yet.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="min-w-full divide-y divide-slate-200">
              <thead className="bg-slate-50">
                <tr>
                  <th scope="col" className={TH}>Name</th>
                  <th scope="col" className={TH}>Key</th>
                  <th scope="col" className={`${TH} hidden md:table-cell`}>Subject</th>
                  <th scope="col" className={TH}>Active</th>
                  <th scope="col" className={`${TH} hidden sm:table-cell`}>Updated</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 bg-white">
                {templates.map((template) => (
                  <tr key={template.id} className="hover:bg-slate-50">
                    <td className={TD}>
                      <Link href={`/triggers/templates/${template.id}`} className="font-medium text-brand hover:underline">
                        {template.name}
                      </Link>
                    </td>
                    <td className={`${TD} font-mono text-xs`}>{template.key}</td>
                    <td className={`${TD} hidden text-slate-600 md:table-cell`}>{template.subject}</td>
                    <td className={TD}>{template.isActive ? "Yes" : <span className="text-slate-500">Off</span>}</td>
                    <td className={`${TD} hidden whitespace-nowrap text-slate-600 sm:table-cell`}>{formatWhen(template.updatedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}
