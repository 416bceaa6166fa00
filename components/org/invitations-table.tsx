import { InvitationActions } from "@/components/org/invitation-actions";
import { formatDay } from "@/components/org/format";
import { StatusBadge } from "@/components/org/status-badge";
import type { SystemRole } from "@/lib/auth/permissions";
import type { PendingInvitationRow } from "@/lib/org/invitations/queries";
import { SYSTEM_ROLE_LABELS } from "@/lib/org/users/system-roles";

const TH = "whitespace-nowrap px-4 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-500";
const TD = "px-4 py-3 align-top text-sm";

/** Invitations not yet accepted or revoked, with resend and revoke for those who may invite. */
export function InvitationsTable({ rows, canInvite }: { rows: PendingInvitationRow[]; canInvite: boolean }) {
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-200" aria-label="Pending invitations">
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className={TH}>Email</th>
            <th scope="col" className={TH}>Roles</th>
            <th scope="col" className={TH}>Department</th>
            <th scope="col" className={TH}>Invited</th>
            <th scope="col" className={TH}>Status</th>
            {canInvite ? <th scope="col" className={`${TH} text-right`}><span className="sr-only">Actions</span></th> : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 bg-white">
          {rows.map((row) => (
            <tr key={row.id}>
              <td className={`${TD} font-medium text-slate-900`}>{row.email}</td>
              <td className={TD}>
                {SYSTEM_ROLE_LABELS[row.systemRole as SystemRole]}
                {row.roles.length ? <span className="block text-xs text-slate-500">{row.roles.join(", ")}</span> : null}
              </td>
              <td className={`${TD} text-slate-600`}>{row.department ?? "—"}</td>
              <td className={`${TD} text-slate-600`}>
                <span className="whitespace-nowrap">{formatDay(row.createdAt)}</span>
                {row.invitedBy ? <span className="block whitespace-nowrap text-xs text-slate-500">by {row.invitedBy}</span> : null}
              </td>
              <td className={`${TD} whitespace-nowrap`}>
                <StatusBadge status={row.status === "expired" ? "expired" : "pending"} />
                <span className="block text-xs text-slate-500" title={row.expiresAt.toISOString()}>
                  {row.status === "expired" ? "expired" : "until"} {formatDay(row.expiresAt)}
                </span>
              </td>
              {canInvite ? (
                <td className={`${TD} whitespace-nowrap`}>
                  <InvitationActions id={row.id} email={row.email} />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
