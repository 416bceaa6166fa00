import { LINK_BUTTON_SECONDARY } from "@/components/ui/button";
import type { Metadata } from "next";
import Link from "next/link";
import { formatWhen } from "@/components/org/format";
import { ActiveToggle } from "@/components/triggers/active-toggle";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePrincipal } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import type { TEventType } from "@/lib/triggers/definition";
import { ACTION_LABELS, EVENT_LABELS } from "@/lib/triggers/labels";
import { listScopeNames, listTriggers } from "@/lib/triggers/queries";

export const metadata: Metadata = { title: "Triggers" };

const TH = "whitespace-nowrap px-4 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-500";
const TD = "px-4 py-3 align-top text-sm";

export default async function TriggersPage() {
  const principal = await requirePagePrincipal("triggers.view");
  const [triggers, names] = await Promise.all([listTriggers(principal.companyId), listScopeNames(principal.companyId)]);
  const canCreate = can(principal.permissions, "triggers.create");
  const canUpdate = can(principal.permissions, "triggers.update");
  return (
    <div className="space-y-5">
      <PageHeader
        title="Triggers"
        description="Automations: when an event happens and its condition holds, the actions run in order."
        actions={
          <>
            <Link href="/triggers/executions" className={LINK_BUTTON_SECONDARY}>
              Execution log
            </Link>
            <Link href="/triggers/templates" className={LINK_BUTTON_SECONDARY}>
              Email templates
            </Link>
            {canCreate ? (
              <Link href="/triggers/new" className="rounded-md bg-brand px-3 py-2 text-sm font-medium text-white hover:opacity-90">
                New trigger
              </Link>
            ) : null}
          </>
        }
      />
      <Card className="overflow-hidden">
        {triggers.length === 0 ? (
          <p className="px-4 py-10 text-center text-sm text-slate-500">No triggers yet. Create one to send an email, start a flow or call a webhook when something happens.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="min-w-full divide-y divide-slate-200">
              <thead className="bg-slate-50">
                <tr>
                  <th scope="col" className={TH}>Name</th>
                  <th scope="col" className={TH}>Event</th>
                  <th scope="col" className={`${TH} hidden md:table-cell`}>Actions</th>
                  <th scope="col" className={TH}>Active</th>
                  <th scope="col" className={`${TH} hidden sm:table-cell`}>Last run</th>
                  <th scope="col" className={`${TH} text-right`}>Last 7 days</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 bg-white">
                {triggers.map((trigger) => {
                  const scope = names.get(trigger.taskId ?? trigger.flowId ?? trigger.tableId ?? "");
                  const ok = (trigger.lastWeek.SUCCESS ?? 0) + (trigger.lastWeek.SKIPPED ?? 0);
                  const failed = (trigger.lastWeek.FAILED ?? 0) + (trigger.lastWeek.DEAD ?? 0) + (trigger.lastWeek.PARTIAL_SUCCESS ?? 0);
                  return (
                    <tr key={trigger.id} className="hover:bg-slate-50">
                      <td className={TD}>
                        <Link href={`/triggers/${trigger.id}`} className="font-medium text-brand hover:underline">
                          {trigger.name}
                        </Link>
                        {trigger.description ? <p className="text-xs text-slate-500">{trigger.description}</p> : null}
                      </td>
                      <td className={TD}>
                        {EVENT_LABELS[trigger.eventType as TEventType] ?? trigger.eventType}
                        {scope ? <p className="text-xs text-slate-500">{scope}</p> : null}
                      </td>
                      <td className={`${TD} hidden text-slate-600 md:table-cell`}>{trigger.actionTypes.map((type) => ACTION_LABELS[type] ?? type).join(", ")}</td>
                      <td className={TD}>
                        <ActiveToggle triggerId={trigger.id} name={trigger.name} isActive={trigger.isActive} disabled={!canUpdate} />
                      </td>
                      <td className={`${TD} hidden whitespace-nowrap text-slate-600 sm:table-cell`}>{formatWhen(trigger.lastRunAt)}</td>
                      <td className={`${TD} whitespace-nowrap text-right tabular-nums`}>
                        <Link href={`/triggers/executions?trigger=${trigger.id}`} className="hover:underline" aria-label={`${trigger.name}: ${ok} succeeded, ${failed} failed in the last 7 days`}>
                          <span className="text-green-700">{ok} ok</span> · <span className={failed ? "text-red-700" : "text-slate-500"}>{failed} failed</span>
                        </Link>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}
