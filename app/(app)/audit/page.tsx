import { LINK_BUTTON_PRIMARY } from "@/components/ui/button";
import type { Metadata } from "next";
import Link from "next/link";
import { ChangeList } from "@/components/audit/change-list";
import { Card } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/inputs";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePrincipal } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { listAuditActors, listAuditEntities, listAuditEntries } from "@/lib/audit/queries";
import { ZAuditFilter } from "@/lib/audit/schema";

export const metadata: Metadata = { title: "Audit log" };

type Search = Record<string, string | undefined>;

function query(params: Search, extra: Search = {}): string {
  const merged = { ...params, ...extra };
  const search = new URLSearchParams(Object.entries(merged).filter((entry): entry is [string, string] => Boolean(entry[1])));
  return search.toString();
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const principal = await requirePagePrincipal("audit.view");
  const raw = await searchParams;
  const parsed = ZAuditFilter.safeParse(raw);
  const filter = parsed.success ? parsed.data : ZAuditFilter.parse({});
  const [page, actors, entities] = await Promise.all([
    listAuditEntries(principal.companyId, filter),
    listAuditActors(principal.companyId),
    listAuditEntities(principal.companyId),
  ]);
  const filterParams: Search = { actorId: filter.actorId, entity: filter.entity, entityId: filter.entityId, action: filter.action, from: filter.from, to: filter.to };
  return (
    <div>
      <PageHeader
        title="Audit log"
        description="Every change made in the application: who, when, what, and from where. Entries cannot be edited or deleted."
        actions={
          can(principal.permissions, "audit.export") ? (
            <a href={`/api/v1/audit/export?${query(filterParams)}`} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-50" download>
              Export CSV
            </a>
          ) : null
        }
      />
      <Card className="mb-4 p-4">
        <form method="get" className="grid gap-3 md:grid-cols-3 xl:grid-cols-6" aria-label="Filter the audit log">
          <Field id="f-actor" label="User">
            <Select id="f-actor" name="actorId" defaultValue={filter.actorId ?? ""}>
              <option value="">Anyone</option>
              {actors.map((actor) => (
                <option key={actor.id} value={actor.id}>
                  {`${actor.firstName} ${actor.lastName}`.trim() || actor.email}
                </option>
              ))}
            </Select>
          </Field>
          <Field id="f-entity" label="Entity">
            <Select id="f-entity" name="entity" defaultValue={filter.entity ?? ""}>
              <option value="">All</option>
              {entities.map((entity) => (
                <option key={entity} value={entity}>
                  {entity}
                </option>
              ))}
            </Select>
          </Field>
          <Field id="f-action" label="Action starts with">
            <Input id="f-action" name="action" placeholder="department." defaultValue={filter.action ?? ""} />
          </Field>
          <Field id="f-from" label="From">
            <Input id="f-from" name="from" type="date" defaultValue={filter.from ?? ""} />
          </Field>
          <Field id="f-to" label="To">
            <Input id="f-to" name="to" type="date" defaultValue={filter.to ?? ""} />
          </Field>
          <div className="flex items-end gap-2">
            <button type="submit" className={LINK_BUTTON_PRIMARY}>
              Filter
            </button>
            <Link href="/audit" className="px-2 py-2 text-sm text-slate-600 hover:underline">
              Clear
            </Link>
          </div>
        </form>
        {!parsed.success ? <p className="mt-2 text-sm text-red-600">Some filters were invalid and have been ignored.</p> : null}
      </Card>
      <Card>
        {page.data.length === 0 ? (
          <p className="px-5 py-6 text-sm text-slate-500">No entries match these filters.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="min-w-full text-sm">
              <thead className="border-b border-slate-100 bg-slate-50 text-left text-slate-600">
                <tr>
                  <th scope="col" className="px-4 py-2 font-medium">When (UTC)</th>
                  <th scope="col" className="px-4 py-2 font-medium">Who</th>
                  <th scope="col" className="px-4 py-2 font-medium">Action</th>
                  <th scope="col" className="px-4 py-2 font-medium">Entity</th>
                  <th scope="col" className="px-4 py-2 font-medium">Changes</th>
                  <th scope="col" className="px-4 py-2 font-medium">From</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 align-top">
                {page.data.map((entry) => (
                  <tr key={entry.id}>
                    <td className="whitespace-nowrap px-4 py-2 tabular-nums text-slate-600">{entry.createdAt.toISOString().replace("T", " ").slice(0, 19)}</td>
                    <td className="px-4 py-2">{entry.actorName}</td>
                    <td className="px-4 py-2 font-mono text-xs">{entry.action}</td>
                    <td className="px-4 py-2">
                      <Link href={`/audit?${query({ entity: entry.entity, entityId: entry.entityId })}`} className="hover:underline">
                        {entry.entity}
                      </Link>
                      <p className="font-mono text-[11px] text-slate-400">{entry.entityId.slice(0, 8)}</p>
                    </td>
                    <td className="max-w-md px-4 py-2">
                      <ChangeList changes={entry.changes} />
                    </td>
                    <td className="px-4 py-2 text-xs text-slate-500">{entry.ipAddress ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <div className="flex justify-between border-t border-slate-100 px-4 py-3 text-sm">
          {filter.cursor ? (
            <Link href={`/audit?${query(filterParams)}`} className="text-slate-600 hover:underline">
              ← Newest
            </Link>
          ) : (
            <span />
          )}
          {page.nextCursor ? (
            <Link href={`/audit?${query(filterParams, { cursor: page.nextCursor })}`} className="font-medium text-brand hover:underline">
              Older →
            </Link>
          ) : null}
        </div>
      </Card>
    </div>
  );
}
