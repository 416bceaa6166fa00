import { LINK_BUTTON_SECONDARY } from "@/components/ui/button";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatWhen } from "@/components/org/format";
import { ExecutionStatusBadge } from "@/components/triggers/status-badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePrincipal } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { isAppError } from "@/lib/errors";
import { ACTION_LABELS, isRerunnable } from "@/lib/triggers/labels";
import { getExecution } from "@/lib/triggers/queries";
import { RerunButton } from "./rerun-button";
import { isUuid } from "@/lib/ids";

export const metadata: Metadata = { title: "Trigger execution" };

const json = (value: unknown) => JSON.stringify(value, null, 2);

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card className="p-5">
      <h2 className="mb-3 text-sm font-semibold text-slate-700">{title}</h2>
      {children}
    </Card>
  );
}

export default async function ExecutionPage({ params }: { params: Promise<{ id: string }> }) {
  const principal = await requirePagePrincipal("triggers.view");
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const execution = await getExecution(principal.companyId, id).catch((error) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const condition = (execution.conditionResult ?? {}) as { source?: string | null; explanation?: string; error?: string; matched?: boolean };
  return (
    <div className="space-y-5">
      <PageHeader
        title={`${execution.trigger.name}: execution`}
        description={`${formatWhen(execution.executedAt)} · ${execution.attempts} attempt${execution.attempts === 1 ? "" : "s"} · ${execution.status === "RUNNING" || execution.status === "PENDING" ? "still running" : `${execution.executionTime} ms in total`}`}
        actions={
          <>
            <Link href="/triggers/executions" className={LINK_BUTTON_SECONDARY}>
              Execution log
            </Link>
            <Link href={`/triggers/${execution.trigger.id}`} className={LINK_BUTTON_SECONDARY}>
              Open trigger
            </Link>
            {isRerunnable(execution.status) && can(principal.permissions, "triggers.update") ? <RerunButton executionId={execution.id} /> : null}
          </>
        }
      />
      <div className="flex flex-wrap items-center gap-3 text-sm" aria-live="polite">
        <span>Status:</span> <ExecutionStatusBadge status={execution.status} />
        {execution.testRunById ? <span className="rounded-full bg-violet-100 px-2 py-0.5 text-xs font-medium text-violet-800">Manual test run</span> : null}
        {execution.errorMessage ? <span className="text-slate-600">{execution.errorMessage}</span> : null}
      </div>
      <div className="grid gap-5 lg:grid-cols-2">
        <Section title="Condition">
          {condition.source ? <code className="block rounded bg-slate-50 px-3 py-2 font-mono text-sm">{condition.source}</code> : <p className="text-sm text-slate-600">No condition: the actions always run.</p>}
          {condition.error ? <p className="mt-2 text-sm text-red-700">{condition.error}</p> : null}
          {condition.explanation && condition.source ? (
            <>
              <p className="mt-3 text-sm font-medium">{execution.conditionsMet ? "Met" : "Not met"}</p>
              <pre className="mt-1 whitespace-pre-wrap rounded bg-slate-50 px-3 py-2 font-mono text-xs text-slate-700">{condition.explanation}</pre>
            </>
          ) : null}
        </Section>
        <Section title="Causation">
          {execution.event ? (
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
              <dt className="text-slate-500">Event</dt>
              <dd>{execution.event.type} on {execution.event.entity}</dd>
              <dt className="text-slate-500">Happened</dt>
              <dd>{formatWhen(execution.event.createdAt)}</dd>
              <dt className="text-slate-500">Depth</dt>
              <dd>{execution.event.depth === 0 ? "0 (caused by a person or a schedule)" : `${execution.event.depth} (caused by another trigger)`}</dd>
              <dt className="text-slate-500">Caused by</dt>
              <dd className="break-all font-mono text-xs">{execution.event.causationId ?? "—"}</dd>
            </dl>
          ) : (
            <p className="text-sm text-slate-600">The event is no longer stored.</p>
          )}
        </Section>
      </div>
      <Section title="Actions">
        {execution.actions.length === 0 ? (
          <p className="text-sm text-slate-600">{execution.conditionsMet ? "No action has run yet." : "None ran: the condition was not met."}</p>
        ) : (
          <ol className="space-y-3">
            {execution.actions.map((run) => (
              <li key={run.id} className="rounded-md border border-slate-200 p-3">
                <div className="flex flex-wrap items-center gap-3">
                  <span className="font-medium">{run.actionIndex + 1}. {ACTION_LABELS[run.type] ?? run.type}</span>
                  <ExecutionStatusBadge status={run.status} />
                  {run.status === "RUNNING" ? (
                    <span className="text-xs text-slate-500">
                      running since <time dateTime={run.startedAt?.toISOString()}>{run.startedAt ? `${run.startedAt.toISOString().slice(0, 19).replace("T", " ")} UTC` : "—"}</time>
                    </span>
                  ) : (
                    <span className="text-xs text-slate-500">
                      {run.attempts} attempt{run.attempts === 1 ? "" : "s"} · {run.durationMs} ms
                    </span>
                  )}
                </div>
                {run.error ? <p className="mt-2 text-sm text-red-700">{run.error}</p> : null}
                {run.result ? <pre className="mt-2 max-h-64 overflow-auto whitespace-pre-wrap rounded bg-slate-50 px-3 py-2 font-mono text-xs">{json(run.result)}</pre> : null}
              </li>
            ))}
          </ol>
        )}
      </Section>
      <Section title="Event data">
        <pre className="max-h-96 overflow-auto whitespace-pre-wrap rounded bg-slate-50 px-3 py-2 font-mono text-xs">{json(execution.eventData)}</pre>
      </Section>
    </div>
  );
}
