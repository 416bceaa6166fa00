import Link from "next/link";
import { formatWhen } from "@/components/org/format";
import { StatusBadge } from "@/components/org/status-badge";
import { SYSTEM_ROLE_LABELS } from "@/lib/org/users/system-roles";
import type { PeopleRow } from "@/lib/org/users/queries";
import type { TUserListQuery } from "@/lib/org/users/schema";
import type { SystemRole } from "@/lib/auth/permissions";

type Sort = TUserListQuery["sort"];
type Props = { rows: PeopleRow[]; query: TUserListQuery; href: (changes: Partial<Record<keyof TUserListQuery, string | undefined>>) => string };

const TH = "whitespace-nowrap px-4 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-500";
const TD = "px-4 py-3 align-top text-sm";

function SortHeader({ label, sort, query, href }: { label: string; sort: Sort } & Omit<Props, "rows">) {
  const active = query.sort === sort;
  const nextDir = active && query.dir === "asc" ? "desc" : "asc";
  return (
    <th scope="col" className={TH} aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link href={href({ sort, dir: nextDir, page: undefined })} className="inline-flex items-center gap-1 hover:text-slate-900">
        {label}
        <span aria-hidden="true" className={active ? "text-slate-900" : "text-slate-300"}>
          {active && query.dir === "desc" ? "▼" : "▲"}
        </span>
        <span className="sr-only">{active ? `, sorted ${query.dir === "asc" ? "ascending" : "descending"}; ` : ", "}sort {nextDir === "asc" ? "ascending" : "descending"}</span>
      </Link>
    </th>
  );
}

/** The People table (one page of at most 50 rows), with sortable name, email and last sign-in. */
export function PeopleTable({ rows, query, href }: Props) {
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-200">
        <thead className="bg-slate-50">
          <tr>
            <SortHeader label="Name" sort="name" query={query} href={href} />
            <SortHeader label="Email" sort="email" query={query} href={href} />
            <th scope="col" className={TH}>
              System role
            </th>
            <th scope="col" className={TH}>
              Department
            </th>
            <th scope="col" className={TH}>
              Roles
            </th>
            <th scope="col" className={TH}>
              Status
            </th>
            <SortHeader label="Last sign-in" sort="lastSignIn" query={query} href={href} />
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 bg-white">
          {rows.map((row) => (
            <tr key={row.id} className="hover:bg-slate-50">
              <td className={`${TD} whitespace-nowrap font-medium`}>
                <Link href={`/organisation/users/${row.id}`} className="text-brand hover:underline">
                  {row.name || "(no name yet)"}
                </Link>
              </td>
              <td className={`${TD} text-slate-600`}>{row.email}</td>
              <td className={TD}>{SYSTEM_ROLE_LABELS[row.systemRole as SystemRole] ?? row.systemRole}</td>
              <td className={`${TD} text-slate-600`}>{row.department ?? "—"}</td>
              <td className={`${TD} text-slate-600`}>{row.roles.length ? row.roles.join(", ") : "—"}</td>
              <td className={TD}>
                <StatusBadge status={row.isActive ? "active" : "deactivated"} />
              </td>
              <td className={`${TD} whitespace-nowrap text-slate-600`}>{formatWhen(row.lastLoginAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
