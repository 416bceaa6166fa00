import type { Metadata } from "next";
import { InboxFilters } from "@/components/flows/inbox/inbox-filters";
import { InboxView } from "@/components/flows/inbox/inbox-view";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePrincipal } from "@/lib/auth/guard";
import { listFlows, listInbox } from "@/lib/flows/queries";
import { DEFAULT_INBOX_SORT, toInboxPageJson } from "@/lib/flows/inbox-view";
import { ZInboxQuery, type TInboxQuery } from "@/lib/flows/schema";

export const metadata: Metadata = { title: "Inbox" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The URL's filters; a malformed one (an edited link) is dropped rather than failing the page. */
function parseQuery(raw: Record<string, string | string[] | undefined>): TInboxQuery {
  const flat = Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  const query: Record<string, unknown> = {};
  for (const key of ["search", "flowId", "overdue", "sort", "page"] as const) {
    const parsed = ZInboxQuery.shape[key].safeParse(flat[key]);
    if (parsed.success && parsed.data !== undefined) query[key] = parsed.data;
  }
  return { sort: DEFAULT_INBOX_SORT, ...query } as TInboxQuery;
}

export default async function InboxPage({ searchParams }: { searchParams: SearchParams }) {
  const principal = await requirePagePrincipal("instances.view");
  const query = parseQuery(await searchParams);
  const [page, flows] = await Promise.all([listInbox(principal, query), listFlows(principal.companyId, { limit: 200 })]);
  return (
    <div className="space-y-5">
      <PageHeader title="Inbox" description="Requests waiting for your decision. Press ? for keyboard shortcuts." />
      <Card className="p-4">
        <InboxFilters query={query} flows={flows.data.map((flow) => ({ id: flow.id, name: flow.name }))} />
      </Card>
      <InboxView key={JSON.stringify(query)} query={query} initialPage={toInboxPageJson(page)} renderedAt={new Date().toISOString()} />
    </div>
  );
}
