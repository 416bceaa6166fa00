import { LINK_BUTTON_SECONDARY } from "@/components/ui/button";
import type { Metadata } from "next";
import Link from "next/link";
import { formatWhen } from "@/components/org/format";
import { ExecutionStatusBadge } from "@/components/triggers/status-badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePrincipal } from "@/lib/auth/guard";
import { EXECUTION_STATUSES, statusLabel } from "@/lib/triggers/labels";
import { listExecutions, listTriggers } from "@/lib/triggers/queries";
import { ExecutionFilters } from "./execution-filters";
import { isUuid } from "@/lib/ids";

export const metadata: Metadata = { title: "Trigger executions" };

const TH = "whitespace-nowrap px-4 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-500";
const TD = "px-4 py-3 align-top text-sm";

type Search = { trigger?: string; status?: string; before?: string };

/** A log URL keeping the other filters. */
function hrefWith(search: Search, change: Partial<Search>): string {
  const next = { ...search, ...change };
  const params = new URLSearchParams(Object.entries(next).filter((entry): entry is [string, string] => Boolean(entry[1])));
  const query = params.toString();
  return query ? `/triggers/executions?${query}` : "/triggers/executions";
}

export default async function ExecutionsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const principal = await requirePagePrincipal("triggers.view");
  const raw = await searchParams;
  // Unknown filter values are ignored rather than failing the page.
  const search: Search = {
    trigger: raw.trigger && isUuid(raw.trigger) ? raw.trigger : undefined,
    status: raw.status && (EXECUTION_STATUSES as readonly string[]).includes(raw.status) ? raw.status : undefined,
    before: raw.before && !Number.isNaN(Date.parse(raw.before)) ? raw.before : undefined,
  };
  const [triggers, page] = await Promise.all([
    listTriggers(principal.companyId),
    listExecutions(principal.companyId, { triggerId: search.trigger, status: search.status, before: search.before ? new Date(search.before) : undefined }),
  ]);
  const tabs = [
    { label: "All", status: undefined },
    { label: "Failed", status: "FAILED" },
    { label: "Dead letters", status: "DEAD" },
  ];
  return (
    <div className="space-y-5">
      <PageHeader
        title="Execution log"
        description="Every time an event met a trigger: whether its condition held, what each action did. Newest first."
        actions={
          <Link href="/triggers" className={LINK_BUTTON_SECONDARY}>
            All triggers
          </Link>
        }
      />
      <nav aria-label="Execution views" className="flex gap-1 border-b border-slate-200">
        {tabs.map((tab) => {
          const current = search.status === tab.status || (tab.status === undefined && !search.status);
          return (
            <Link
              key={tab.label}
              href={hrefWith(search, { status: tab.status, before: undefined })}
              aria-current={current ? "page" : undefined}
              className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${current ? "border-brand text-brand" : "border-transparent text-slate-600 hover:text-slate-900"}`}
            >
              {tab.label}
            </Link>
          );
        })}
      </nav>
      <ExecutionFilters triggers={triggers.map((trigger) => ({ id: trigger.id, name: trigger.name }))} triggerId={search.trigger ?? ""} status={search.status ?? ""} statuses={EXECUTION_STATUSES.map((status) => ({ value: status, label: statusLabel(status) }))} />
      <Card className="overflow-hidden">
        {page.items.length === 0 ? (
          <p className="px-4 py-10 text-center text-sm text-slate-500">{search.status === "DEAD" ? "No dead letters: nothing has exhausted its retries." : "No executions match."}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="min-w-full divide-y divide-slate-200">
              <thead className="bg-slate-50">
                <tr>
                  <th scope="col" className={TH}>Time</th>
                  <th scope="col" className={TH}>Trigger</th>
                  <th scope="col" className={TH}>Status</th>
                  <th scope="col" className={`${TH} hidden sm:table-cell`}>Condition</th>
                  <th scope="col" className={`${TH} hidden md:table-cell`}>Attempts</th>
                  <th scope="col" className={`${TH} hidden md:table-cell text-right`}>Duration</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 bg-white">
                {page.items.map((execution) => (
                  <tr key={execution.id} className="hover:bg-slate-50">
                    <td className={`${TD} whitespace-nowrap`}>
                      <Link href={`/triggers/executions/${execution.id}`} className="font-medium text-brand hover:underline">
                        {formatWhen(execution.executedAt)}
                      </Link>
                    </td>
                    <td className={TD}>{execution.trigger.name}</td>
                    <td className={TD}>
                      <ExecutionStatusBadge status={execution.status} />
                      {execution.testRunById ? <span className="ml-2 rounded-full bg-violet-100 px-2 py-0.5 text-xs font-medium text-violet-800">Manual test</span> : null}
                      {execution.errorMessage && execution.status !== "SUCCESS" ? <p className="mt-1 max-w-xs truncate text-xs text-slate-500" title={execution.errorMessage}>{execution.errorMessage}</p> : null}
                    </td>
                    <td className={`${TD} hidden text-slate-600 sm:table-cell`}>{execution.conditionsMet ? "Met" : "Not met"}</td>
                    <td className={`${TD} hidden tabular-nums md:table-cell`}>{execution.attempts}</td>
                    <td className={`${TD} hidden text-right tabular-nums md:table-cell`}>{execution.executionTime} ms</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {page.nextBefore || search.before ? (
          <div className="flex justify-between border-t border-slate-100 px-4 py-3 text-sm">
            {search.before ? <Link href={hrefWith(search, { before: undefined })} className="font-medium text-brand hover:underline">Newest</Link> : <span />}
            {page.nextBefore ? <Link href={hrefWith(search, { before: page.nextBefore })} className="font-medium text-brand hover:underline">Older</Link> : null}
          </div>
        ) : null}
      </Card>
    </div>
  );
}
