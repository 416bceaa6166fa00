import type { Metadata } from "next";
import Link from "next/link";
import { InvitationsTable } from "@/components/org/invitations-table";
import { InviteUserPanel } from "@/components/org/invite-user-form";
import { PeopleFilters } from "@/components/org/people-filters";
import { PeopleTable } from "@/components/org/people-table";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { PageNumbers } from "@/components/ui/page-numbers";
import { requirePagePrincipal } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { countOpenInvitations, listPendingInvitationsPage } from "@/lib/org/invitations/queries";
import { listDepartmentOptions, listPeoplePage, listRoleOptions } from "@/lib/org/users/queries";
import { USERS_PER_PAGE, ZUserListQuery, type TUserListQuery } from "@/lib/org/users/schema";
import { grantableSystemRoles } from "@/lib/org/users/system-roles";

export const metadata: Metadata = { title: "People" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The URL of this page with some query parameters changed (undefined removes one; defaults are left out). */
function hrefFor(query: TUserListQuery) {
  return (changes: Partial<Record<keyof TUserListQuery, string | undefined>>) => {
    const merged: Record<string, string | undefined> = { ...Object.fromEntries(Object.entries(query).map(([key, value]) => [key, value?.toString()])), ...changes };
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(merged)) {
      const isDefault = (key === "page" && value === "1") || (key === "sort" && value === "name") || (key === "dir" && value === "asc");
      if (value && !isDefault) params.set(key, value);
    }
    const search = params.toString();
    return `/organisation/users${search ? `?${search}` : ""}`;
  };
}

export default async function PeoplePage({ searchParams }: { searchParams: SearchParams }) {
  const principal = await requirePagePrincipal("users.view");
  const raw = await searchParams;
  const query = ZUserListQuery.parse(Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value])));
  const showInvitations = query.status === "invited";
  const canInvite = can(principal.permissions, "users.create");
  const [departments, roles, people, invitations, openInvitations] = await Promise.all([
    listDepartmentOptions(principal.companyId),
    listRoleOptions(principal.companyId),
    showInvitations ? null : listPeoplePage(principal.companyId, query),
    showInvitations ? listPendingInvitationsPage(principal.companyId, { q: query.q, departmentId: query.department, roleId: query.role, page: query.page }) : null,
    showInvitations ? null : countOpenInvitations(principal.companyId),
  ]);
  const total = people?.total ?? invitations?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / USERS_PER_PAGE));
  const href = hrefFor(query);
  const first = total === 0 ? 0 : (query.page - 1) * USERS_PER_PAGE + 1;
  const last = Math.min(total, query.page * USERS_PER_PAGE);

  return (
    <div className="space-y-5">
      <PageHeader
        title="People"
        description="Everyone in your company: their roles, departments and access. Invite new people by email."
      />
      {canInvite ? <InviteUserPanel roles={roles} departments={departments} grantableRoles={grantableSystemRoles(principal.systemRole)} /> : null}

      <Card className="p-4">
        <PeopleFilters departments={departments} roles={roles} />
      </Card>

      <Card className="overflow-hidden">
        <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-100 px-4 py-3 text-sm">
          <p className="text-slate-600" aria-live="polite">
            {total === 0 ? "Nobody matches." : `${first}–${last} of ${total} ${showInvitations ? (total === 1 ? "invitation" : "invitations") : total === 1 ? "person" : "people"}`}
          </p>
          {!showInvitations && openInvitations ? (
            <Link href={href({ status: "invited", page: undefined })} className="font-medium text-brand hover:underline">
              {openInvitations} pending {openInvitations === 1 ? "invitation" : "invitations"} →
            </Link>
          ) : null}
        </div>
        {people && people.rows.length > 0 ? <PeopleTable rows={people.rows} query={query} href={href} /> : null}
        {invitations && invitations.rows.length > 0 ? <InvitationsTable rows={invitations.rows} canInvite={canInvite} /> : null}
        {total === 0 ? (
          <p className="px-4 py-10 text-center text-sm text-slate-500">
            {showInvitations ? "No invitation is waiting for an answer." : "No one matches these filters."}
          </p>
        ) : null}
        {pageCount > 1 ? (
          <div className="border-t border-slate-100 px-4 py-3">
            <PageNumbers page={query.page} pageCount={pageCount} href={(page) => href({ page: String(page) })} />
          </div>
        ) : null}
      </Card>
    </div>
  );
}
