import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EntityHistory } from "@/components/audit/entity-history";
import { PermissionMatrix } from "@/components/org/permission-matrix";
import { RoleDelete } from "@/components/org/role-delete";
import { RoleEditForm } from "@/components/org/role-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePrincipal } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { isAppError } from "@/lib/errors";
import { buildTree, flattenTree } from "@/lib/org/department-tree";
import { listDepartments } from "@/lib/org/departments/queries";
import { getRole } from "@/lib/org/roles/queries";

export const metadata: Metadata = { title: "Role" };

export default async function RolePage({ params }: { params: Promise<{ id: string }> }) {
  const principal = await requirePagePrincipal("roles.view");
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const role = await getRole(principal.companyId, id).catch((error) => {
    if (isAppError(error)) notFound();
    throw error;
  });
  const departments = flattenTree(buildTree(await listDepartments(principal.companyId))).map((node) => ({ id: node.id, label: node.name, depth: node.depth }));
  const canUpdate = can(principal.permissions, "roles.update");
  return (
    <div className="space-y-6">
      <PageHeader
        title={role.name}
        description={role.description ?? "A company role"}
        actions={
          <Link href="/organisation/roles" className="text-sm text-slate-600 hover:underline">
            ← All roles
          </Link>
        }
      />
      <Card className="p-5">
        <RoleEditForm key={role.updatedAt.toISOString()} role={{ id: role.id, name: role.name, description: role.description ?? "", departmentId: role.departmentId ?? "" }} departments={departments} canUpdate={canUpdate} />
      </Card>
      <Card className="p-5">
        <h2 className="mb-1 text-sm font-semibold text-slate-700">Permissions</h2>
        <p className="mb-3 text-xs text-slate-500">What people with this role may do, on top of their system role. Click a row or column heading to toggle it whole.</p>
        <PermissionMatrix roleId={role.id} initial={role.permissions} canUpdate={canUpdate} />
      </Card>
      <Card className="p-5">
        <h2 className="mb-3 text-sm font-semibold text-slate-700">People with this role ({role.members.length})</h2>
        {role.members.length === 0 ? (
          <p className="text-sm text-slate-500">Nobody holds this role yet. Give it to people from their page under People.</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {role.members.map((member) => (
              <li key={member.id} className="flex justify-between py-2">
                <span>
                  {member.firstName} {member.lastName}
                  {!member.isActive ? <span className="ml-2 text-xs text-slate-400">(deactivated)</span> : null}
                </span>
                <span className="text-slate-500">{member.email}</span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      {can(principal.permissions, "audit.view") ? (
        <Card className="p-5">
          <h2 className="mb-3 text-sm font-semibold text-slate-700">History</h2>
          <EntityHistory companyId={principal.companyId} entity="Role" entityId={role.id} />
        </Card>
      ) : null}
      {can(principal.permissions, "roles.delete") ? <RoleDelete id={role.id} name={role.name} members={role.members.length} /> : null}
    </div>
  );
}
