import type { Metadata } from "next";
import Link from "next/link";
import { formatWhen } from "@/components/org/format";
import { RequestStatusBadge } from "@/components/requests/request-status-badge";
import { WithdrawRequest } from "@/components/requests/withdraw-request";
import { Button, LINK_BUTTON_PRIMARY } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/inputs";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePrincipal } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { listMyRequests, type MyRequest } from "@/lib/flows/queries";
import { ZMyRequestsQuery, type TMyRequestsQuery } from "@/lib/flows/schema";
import { referenceOf, REQUEST_FILTER_OPTIONS } from "@/lib/flows/view/request-status";

export const metadata: Metadata = { title: "My requests" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const PAGE_SIZE = 20;
const LABEL = "mb-1 block text-xs font-medium uppercase tracking-wide text-slate-500";

function hrefFor(query: TMyRequestsQuery, page: number) {
  const params = new URLSearchParams();
  if (query.status) params.set("status", query.status);
  if (query.search) params.set("search", query.search);
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return `/requests${search ? `?${search}` : ""}`;
}

function KeyFields({ request }: { request: MyRequest }) {
  if (request.keyFields.length === 0) return null;
  return (
    <p className="mt-1 truncate text-sm text-slate-600">
      {request.keyFields.map((field) => `${field.label}: ${typeof field.value === "number" ? field.value.toLocaleString("en-US") : String(field.value)}`).join(" · ")}
    </p>
  );
}

function Where({ request }: { request: MyRequest }) {
  if (request.status !== "IN_PROGRESS") return <span>Ended {formatWhen(request.completedAt ?? request.updatedAt)}</span>;
  const waiting = request.changesRequested ? "you" : request.waitingFor.map((p) => p.label).join(", ") || "nobody (an admin can reassign it)";
  return (
    <span>
      At <strong className="font-medium text-slate-800">{request.currentLevel?.name ?? "—"}</strong>, waiting for {waiting}
    </span>
  );
}

export default async function MyRequestsPage({ searchParams }: { searchParams: SearchParams }) {
  const principal = await requirePagePrincipal("instances.view");
  const raw = await searchParams;
  // An empty choice ("All statuses") is no filter.
  const values = Object.entries(raw).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value] as const).filter(([, value]) => value);
  const parsed = ZMyRequestsQuery.safeParse(Object.fromEntries(values));
  // A hand-edited URL with a bad filter shows everything rather than an error page.
  const query: TMyRequestsQuery = parsed.success ? parsed.data : { search: undefined };
  const page = query.page ?? 1;
  const result = await listMyRequests(principal, { ...query, page, pageSize: PAGE_SIZE });
  const first = (page - 1) * PAGE_SIZE + 1;
  const canStart = can(principal.permissions, "instances.create");

  return (
    <div className="space-y-5">
      <PageHeader
        title="My requests"
        description="Everything you started: where it is, who it waits for, and how it ended."
        actions={
          canStart ? (
            <Link href="/requests/new" className={LINK_BUTTON_PRIMARY}>
              New request
            </Link>
          ) : undefined
        }
      />
      <Card className="p-4">
        <form role="search" aria-label="Filter my requests" method="get" action="/requests" className="flex flex-wrap items-end gap-3">
          <div className="min-w-48 flex-1">
            <label htmlFor="requests-search" className={LABEL}>
              Search
            </label>
            <Input id="requests-search" name="search" type="search" placeholder="Flow, step or value" defaultValue={query.search ?? ""} />
          </div>
          <div>
            <label htmlFor="requests-status" className={LABEL}>
              Status
            </label>
            <Select id="requests-status" name="status" defaultValue={query.status ?? ""}>
              <option value="">All statuses</option>
              {REQUEST_FILTER_OPTIONS.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </Select>
          </div>
          <Button type="submit" variant="secondary">
            Apply
          </Button>
          {query.search || query.status ? (
            <Link href="/requests" className="px-2 py-2 text-sm text-brand hover:underline">
              Clear
            </Link>
          ) : null}
        </form>
      </Card>

      <Card className="overflow-hidden">
        <p className="border-b border-slate-100 px-4 py-3 text-sm text-slate-600" aria-live="polite">
          {result.items.length === 0 ? (page > 1 ? "No more requests." : "No requests match.") : `Showing ${first}–${first + result.items.length - 1}${result.hasMore ? "" : ` of ${first + result.items.length - 1}`}`}
        </p>
        {result.items.length === 0 && page === 1 && !query.search && !query.status ? (
          <p className="px-4 py-10 text-center text-sm text-slate-500">
            You have not started any request yet.{" "}
            {canStart ? (
              <Link href="/requests/new" className="font-medium text-brand hover:underline">
                Start one
              </Link>
            ) : null}
          </p>
        ) : null}
        <ul className="divide-y divide-slate-100" aria-label="My requests">
          {result.items.map((request) => {
            const label = `${request.flow.name} ${referenceOf(request.instanceId)}`;
            return (
              <li key={request.instanceId} className="flex flex-col gap-3 px-4 py-4 sm:flex-row sm:items-start sm:justify-between">
                <div className="min-w-0">
                  <div className="flex flex-wrap items-center gap-2">
                    <Link href={`/instances/${request.instanceId}`} className="font-medium text-brand hover:underline">
                      {request.flow.name}
                      <span className="sr-only"> {referenceOf(request.instanceId)}</span>
                    </Link>
                    <span className="text-xs text-slate-400" aria-hidden="true">
                      {referenceOf(request.instanceId)}
                    </span>
                    <RequestStatusBadge status={request.status} changesRequested={request.changesRequested} />
                  </div>
                  <KeyFields request={request} />
                  <p className="mt-1 text-sm text-slate-600">
                    <Where request={request} />
                  </p>
                  <p className="mt-1 text-xs text-slate-400">
                    Started {formatWhen(request.startedAt)} · updated {formatWhen(request.updatedAt)}
                  </p>
                </div>
                <div className="flex shrink-0 gap-2">
                  {request.changesRequested ? (
                    <Link href={`/instances/${request.instanceId}`} className={LINK_BUTTON_PRIMARY}>
                      Edit and resubmit
                    </Link>
                  ) : null}
                  {request.status === "IN_PROGRESS" ? <WithdrawRequest instanceId={request.instanceId} version={request.version} label={label} mode="withdraw" /> : null}
                </div>
              </li>
            );
          })}
        </ul>
        {page > 1 || result.hasMore ? (
          <nav aria-label="Pages" className="flex items-center justify-between border-t border-slate-100 px-4 py-3 text-sm">
            {page > 1 ? (
              <Link href={hrefFor(query, page - 1)} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50">
                Previous
              </Link>
            ) : (
              <span />
            )}
            <span className="text-slate-500">Page {page}</span>
            {result.hasMore ? (
              <Link href={hrefFor(query, page + 1)} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50">
                Next
              </Link>
            ) : (
              <span />
            )}
          </nav>
        ) : null}
      </Card>
    </div>
  );
}
