import type { Metadata } from "next";
import Link from "next/link";
import { EntityHistory } from "@/components/audit/entity-history";
import { CompaniesPanel } from "@/components/settings/companies-panel";
import { CompanySettingsForm } from "@/components/settings/company-settings-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePrincipal } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { getCompanySettings, listAllCompanies } from "@/lib/org/company/service";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const principal = await requirePagePrincipal("companies.update");
  const company = await getCompanySettings(principal.companyId);
  const isDeveloper = principal.systemRole === "DEVELOPER";
  const companies = isDeveloper ? await listAllCompanies() : [];
  return (
    <div className="space-y-6">
      <PageHeader
        title="Settings"
        description={`${company.name} — how the company appears, and who can reach it through the API.`}
        actions={
          can(principal.permissions, "integrations.create") ? (
            <Link href="/settings/api-keys" className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-50">
              API keys
            </Link>
          ) : null
        }
      />
      <Card className="p-5">
        <h2 className="mb-4 text-sm font-semibold text-slate-700">Company</h2>
        <CompanySettingsForm
          key={`${company.name}-${company.primaryColor}-${company.secondaryColor}-${company.logoFileId}`}
          initial={{ name: company.name, domain: company.domain ?? "", primaryColor: company.primaryColor, secondaryColor: company.secondaryColor }}
          logoUrl={company.logoFileId ? `/api/files/${company.logoFileId}` : null}
        />
      </Card>
      {isDeveloper ? (
        <Card className="p-5">
          <h2 className="mb-4 text-sm font-semibold text-slate-700">Companies (platform developers only)</h2>
          <CompaniesPanel companies={companies} currentId={principal.companyId} />
        </Card>
      ) : null}
      <Card className="p-5">
        <h2 className="mb-4 text-sm font-semibold text-slate-700">History</h2>
        <EntityHistory companyId={principal.companyId} entity="Company" entityId={principal.companyId} />
      </Card>
    </div>
  );
}
