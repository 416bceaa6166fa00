import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EntityHistory } from "@/components/audit/entity-history";
import { formatWhen } from "@/components/org/format";
import { StatusBadge } from "@/components/org/status-badge";
import { UserAccessActions } from "@/components/org/user-access-actions";
import { UserEditForm } from "@/components/org/user-edit-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePrincipal } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { isAppError } from "@/lib/errors";
import { listPeopleOptions } from "@/lib/org/departments/queries";
import { getUserDetail, listDepartmentOptions, listRoleOptions } from "@/lib/org/users/queries";
import { canManageSystemRole, grantableSystemRoles, SYSTEM_ROLE_LABELS } from "@/lib/org/users/system-roles";

export const metadata: Metadata = { title: "Person" };

async function loadUser(companyId: string, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  try {
    return await getUserDetail(companyId, id);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound(); // unknown and foreign ids alike
    throw error;
  }
}

function Detail({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex items-baseline justify-between gap-4 py-1.5">
      <dt className="text-sm text-slate-500">{label}</dt>
      <dd className="text-right text-sm text-slate-900">{children}</dd>
    </div>
  );
}

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const principal = await requirePagePrincipal("users.view");
  const { id } = await params;
  const user = await loadUser(principal.companyId, id);
  const [roles, departments, people] = await Promise.all([
    listRoleOptions(principal.companyId),
    listDepartmentOptions(principal.companyId),
    listPeopleOptions(principal.companyId),
  ]);
  // A deactivated manager is not offered as a choice, but must stay selectable while still assigned.
  if (user.managerId && !people.some((person) => person.id === user.managerId)) {
    people.push({ id: user.managerId, label: `${user.managerName ?? "Unknown"} (deactivated)`, email: "" });
  }
  const outranked = !canManageSystemRole(principal.systemRole, user.systemRole);
  const canUpdate = can(principal.permissions, "users.update") && !outranked;
  const canDelete = can(principal.permissions, "users.delete") && !outranked;
  const name = `${user.firstName} ${user.lastName}`.trim() || user.email;

  return (
    <div className="space-y-6">
      <div>
        <Link href="/organisation/users" className="text-sm text-slate-500 hover:text-slate-900">
          ← People
        </Link>
      </div>
      <PageHeader title={name} description={user.email} actions={<StatusBadge status={user.isActive ? "active" : "deactivated"} />} />
      <div className="grid gap-6 xl:grid-cols-[minmax(0,1.6fr)_minmax(0,1fr)]">
        <div className="space-y-6">
          <Card className="p-5">
            <h2 className="mb-4 text-base font-semibold text-slate-900">Details</h2>
            <UserEditForm
              key={`${user.id}-${user.systemRole}-${user.roleIds.join()}-${user.departmentId}-${user.managerId}-${user.firstName}-${user.lastName}`}
              user={user}
              roles={roles}
              departments={departments}
              people={people}
              grantableRoles={grantableSystemRoles(principal.systemRole)}
              canUpdate={canUpdate}
            />
          </Card>
          <Card className="p-5">
            <h2 className="mb-4 text-base font-semibold text-slate-900">History</h2>
            <EntityHistory companyId={principal.companyId} entity="User" entityId={user.id} />
          </Card>
        </div>
        <div className="space-y-6">
          <Card className="p-5">
            <h2 className="mb-4 text-base font-semibold text-slate-900">Account</h2>
            <dl className="mb-5 divide-y divide-slate-100">
              <Detail label="System role">{SYSTEM_ROLE_LABELS[user.systemRole]}</Detail>
              <Detail label="Open sessions">{user.liveSessions}</Detail>
              <Detail label="Last sign-in">{formatWhen(user.lastLoginAt)}</Detail>
              <Detail label="Member since">{formatWhen(user.createdAt)}</Detail>
            </dl>
            <UserAccessActions
              user={{ id: user.id, name, isActive: user.isActive, liveSessions: user.liveSessions }}
              canDeactivate={canDelete}
              canResetPassword={canUpdate}
              isSelf={user.id === principal.userId}
            />
            {outranked ? <p className="mt-3 text-sm text-slate-500">This person has a higher system role than yours, so you can only view them.</p> : null}
          </Card>
        </div>
      </div>
    </div>
  );
}
