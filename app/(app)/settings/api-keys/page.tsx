import type { Metadata } from "next";
import Link from "next/link";
import { ApiKeyCreate } from "@/components/settings/api-key-create";
import { ApiKeyRevoke } from "@/components/settings/api-key-revoke";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePrincipal } from "@/lib/auth/guard";
import { ALL_PERMISSIONS, can } from "@/lib/auth/permissions";
import { listApiKeys } from "@/lib/org/api-keys/service";

export const metadata: Metadata = { title: "API keys" };

const when = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "—");

export default async function ApiKeysPage() {
  const principal = await requirePagePrincipal("integrations.view");
  const keys = await listApiKeys(principal.companyId);
  const grantable = ALL_PERMISSIONS.filter((permission) => principal.permissions.has(permission));
  return (
    <div className="space-y-6">
      <PageHeader
        title="API keys"
        description="Keys let other systems call /api/v1 as this company. Send one as “Authorization: Bearer fr_…”."
        actions={
          <Link href="/settings" className="text-sm text-slate-600 hover:underline">
            ← Settings
          </Link>
        }
      />
      {can(principal.permissions, "integrations.create") ? (
        <Card className="p-5">
          <h2 className="mb-3 text-sm font-semibold text-slate-700">New key</h2>
          <ApiKeyCreate grantable={grantable} />
        </Card>
      ) : null}
      <Card>
        {keys.length === 0 ? (
          <p className="px-5 py-6 text-sm text-slate-500">No API keys yet.</p>
        ) : (
          <table className="min-w-full text-sm">
            <thead className="border-b border-slate-100 bg-slate-50 text-left text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">Name</th>
                <th scope="col" className="px-4 py-2 font-medium">Key</th>
                <th scope="col" className="px-4 py-2 font-medium">Permissions</th>
                <th scope="col" className="px-4 py-2 font-medium">Created</th>
                <th scope="col" className="px-4 py-2 font-medium">Expires</th>
                <th scope="col" className="px-4 py-2 font-medium">Last used</th>
                <th scope="col" className="px-4 py-2 font-medium"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {keys.map((key) => (
                <tr key={key.id} className={key.revokedAt ? "text-slate-400" : undefined}>
                  <td className="px-4 py-2">{key.name}</td>
                  <td className="px-4 py-2 font-mono text-xs">fr_{key.prefix}_…</td>
                  <td className="max-w-xs px-4 py-2 text-xs">{key.scopes.join(", ")}</td>
                  <td className="px-4 py-2">{when(key.createdAt)}</td>
                  <td className="px-4 py-2">{when(key.expiresAt)}</td>
                  <td className="px-4 py-2">{when(key.lastUsedAt)}</td>
                  <td className="px-4 py-2 text-right">
                    {key.revokedAt ? "Revoked" : can(principal.permissions, "integrations.delete") ? <ApiKeyRevoke id={key.id} name={key.name} /> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </div>
  );
}
