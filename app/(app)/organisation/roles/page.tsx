import type { Metadata } from "next";
import Link from "next/link";
import { RoleCreateForm } from "@/components/org/role-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePrincipal } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { buildTree, flattenTree } from "@/lib/org/department-tree";
import { listDepartments } from "@/lib/org/departments/queries";
import { listRoles } from "@/lib/org/roles/queries";

export const metadata: Metadata = { title: "Roles" };

export default async function RolesPage() {
  const principal = await requirePagePrincipal("roles.view");
  const [roles, departments] = await Promise.all([listRoles(principal.companyId), listDepartments(principal.companyId)]);
  const departmentOptions = flattenTree(buildTree(departments)).map((node) => ({ id: node.id, label: node.name, depth: node.depth }));
  return (
    <div>
      <PageHeader title="Roles" description="Company roles decide who approves what: each carries a set of permissions and can be assigned to flow levels." />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <Card>
          {roles.length === 0 ? (
            <p className="px-5 py-6 text-sm text-slate-500">No roles yet.</p>
          ) : (
            <table className="min-w-full text-sm">
              <thead className="border-b border-slate-100 bg-slate-50 text-left text-slate-600">
                <tr>
                  <th scope="col" className="px-5 py-2 font-medium">Role</th>
                  <th scope="col" className="px-3 py-2 font-medium">Department</th>
                  <th scope="col" className="px-3 py-2 text-right font-medium">People</th>
                  <th scope="col" className="px-5 py-2 text-right font-medium">Permissions</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {roles.map((role) => (
                  <tr key={role.id} className="hover:bg-slate-50">
                    <td className="px-5 py-2.5">
                      <Link href={`/organisation/roles/${role.id}`} className="font-medium text-slate-900 hover:underline">
                        {role.name}
                      </Link>
                      {role.description ? <p className="text-xs text-slate-500">{role.description}</p> : null}
                    </td>
                    <td className="px-3 py-2.5 text-slate-600">{role.departmentName ?? "—"}</td>
                    <td className="px-3 py-2.5 text-right tabular-nums">{role.members}</td>
                    <td className="px-5 py-2.5 text-right tabular-nums">{role.permissions.length}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Card>
        {can(principal.permissions, "roles.create") ? (
          <Card className="p-5">
            <h2 className="mb-3 text-sm font-semibold text-slate-700">New role</h2>
            <RoleCreateForm departments={departmentOptions} />
          </Card>
        ) : null}
      </div>
    </div>
  );
}
