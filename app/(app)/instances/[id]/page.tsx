import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { FormRenderer } from "@/components/forms/renderer/form-renderer";
import { formatWhen } from "@/components/org/format";
import { FlowDiagram } from "@/components/requests/flow-diagram";
import { InstanceTimeline } from "@/components/requests/instance-timeline";
import { ReassignTask } from "@/components/requests/reassign-task";
import { RequestStatusBadge } from "@/components/requests/request-status-badge";
import { TaskPanel } from "@/components/requests/task-panel";
import { WhyHere } from "@/components/requests/why-here";
import { WithdrawRequest } from "@/components/requests/withdraw-request";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePrincipal } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { orNull } from "@/lib/errors";
import { explainAbsence, getInstanceDetail, type AbsenceExplanation, type InstanceDetail } from "@/lib/flows/queries";
import { buildDiagram } from "@/lib/flows/view/diagram-layout";
import { combineLevelForms } from "@/lib/flows/view/level-form";
import { referenceOf } from "@/lib/flows/view/request-status";
import { whyMine } from "@/lib/flows/view/why-mine";
import { fileSummaries, getPickerContext } from "@/lib/forms/queries";
import { referencedFileIds } from "@/lib/forms/service";
import { isUuid } from "@/lib/ids";

export const metadata: Metadata = { title: "Request" };

const FILE_TYPES = new Set(["file", "signature"]);
type SearchParams = Promise<Record<string, string | string[] | undefined>>;


// Names of the files the submissions and the current form show (company-scoped).
function fileIdsOf(detail: InstanceDetail): string[] {
  const ids = detail.submissions.flatMap((submission) => referencedFileIds(submission.form.definition, submission.data, FILE_TYPES));
  for (const form of detail.current?.forms ?? []) ids.push(...referencedFileIds(form.definition, detail.instance.data, FILE_TYPES));
  return [...new Set(ids)];
}

function Meta({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-sm text-slate-900">{children}</dd>
    </div>
  );
}

/**
 * One page for everyone who may see a request (what getInstanceDetail authorises; anyone else, and
 * every other company, gets the same 404): header, the task of whoever holds the current level, the
 * submissions with their own form versions, the history, a diagram of the route, "why is this here?",
 * and for admins reassign and cancel.
 */
export default async function InstancePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const principal = await requirePagePrincipal("instances.view");
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const detail = await orNull(getInstanceDetail(principal, id));
  if (!detail) notFound();

  const { instance, current, allowed } = detail;
  const isAdmin = can(principal.permissions, "instances.update");
  const isInitiator = instance.initiator.id === principal.userId;
  const isRunning = instance.status === "IN_PROGRESS";
  const rawWhy = (await searchParams).why;
  const askedUserId = isAdmin && typeof rawWhy === "string" && isUuid(rawWhy) ? rawWhy : null;
  const [context, files, answer] = await Promise.all([
    getPickerContext(principal.companyId),
    fileSummaries(principal.companyId, fileIdsOf(detail)),
    askedUserId ? orNull<AbsenceExplanation>(explainAbsence(principal, instance.id, askedUserId)) : Promise.resolve(null),
  ]);
  const renderContext = { ...context, files };
  const activeUsers = context.users.filter((user) => !user.inactive);
  // Back at a level its initiator fills: "request changes" or a send-back returned it to them.
  const changesRequested = isRunning && (current?.waitingFor.some((holder) => holder.principal === `u:${instance.initiator.id}`) ?? false);
  const diagram = buildDiagram({ levels: detail.definition.levels, branches: detail.definition.branches, path: detail.path, currentLevelId: current?.levelId ?? null, status: instance.status });
  const mine = whyMine({
    status: instance.status,
    levelName: current?.name ?? null,
    isInitiator,
    actions: allowed.actions,
    alreadyApproved: allowed.alreadyApproved,
    matched: detail.why.matched.map((p) => p.label),
    waitingFor: current?.waitingFor.map((p) => p.label) ?? [],
  });
  const taskDefinition = current && allowed.actions.length > 0 ? combineLevelForms(current.forms.map((form) => ({ name: form.name, definition: form.definition }))) : null;

  return (
    <div className="space-y-6">
      <PageHeader
        title={instance.flow.name}
        description={`${referenceOf(instance.id)} · flow version ${instance.flow.versionNumber}`}
        actions={<RequestStatusBadge status={instance.status} changesRequested={changesRequested} className="px-3 py-1 text-sm" />}
      />
      <Card className="p-4">
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
          <Meta label="Requested by">{isInitiator ? `${instance.initiator.name} (you)` : instance.initiator.name}</Meta>
          <Meta label="Started">{formatWhen(instance.startedAt)}</Meta>
          <Meta label={isRunning ? "Now at" : "Ended"}>{isRunning ? (current?.name ?? "—") : formatWhen(instance.completedAt ?? instance.updatedAt)}</Meta>
          <Meta label={isRunning ? "Waiting for" : "Status"}>{isRunning ? current?.waitingFor.map((p) => p.label).join(", ") || "nobody" : <RequestStatusBadge status={instance.status} />}</Meta>
        </dl>
        {current?.dueAt ? <p className="mt-3 text-xs text-slate-500">Due {formatWhen(new Date(current.dueAt))}</p> : null}
      </Card>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-6">
          {current && allowed.actions.length > 0 ? (
            <section aria-labelledby="task-heading">
              <Card className="border-brand/40 p-4 sm:p-5">
                <h2 id="task-heading" className="text-lg font-semibold text-slate-900">
                  {changesRequested && isInitiator ? "Changes were requested" : `Your task: ${current.name}`}
                </h2>
                <p className="mb-4 mt-1 text-sm text-slate-500">
                  {changesRequested && isInitiator ? "Edit your request below and resubmit it, or withdraw it." : current.approvalMode === "ANY" ? "One decision moves the request on." : "Every required approver decides on their own."}
                </p>
                <TaskPanel
                  instanceId={instance.id}
                  version={instance.version}
                  levelName={current.name}
                  actions={allowed.actions}
                  sendBackTargets={allowed.sendBackTargets}
                  definition={taskDefinition}
                  initialValues={instance.data}
                  context={renderContext}
                  isInitiator={isInitiator}
                />
              </Card>
            </section>
          ) : mine ? (
            <p role="note" className="rounded-md border border-slate-200 bg-slate-50 px-4 py-3 text-sm text-slate-700">
              {mine}
            </p>
          ) : null}

          <section aria-labelledby="submissions-heading">
            <Card className="p-4 sm:p-5">
              <h2 id="submissions-heading" className="mb-4 text-lg font-semibold text-slate-900">
                Submitted so far
              </h2>
              {detail.submissions.length === 0 ? <p className="text-sm text-slate-500">Nothing was submitted yet.</p> : null}
              <div className="space-y-6">
                {detail.submissions.map((submission) => (
                  <article key={submission.id} aria-label={`${submission.form.name} by ${submission.executor.name}`} className="rounded-md border border-slate-100 p-4">
                    <header className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
                      <h3 className="text-sm font-semibold text-slate-900">
                        {submission.form.name} <span className="font-normal text-slate-500">(form version {submission.form.versionNumber})</span>
                      </h3>
                      <p className="text-xs text-slate-500">
                        {submission.levelName ? `${submission.levelName} · ` : ""}
                        {submission.executor.name} · {formatWhen(submission.at)}
                      </p>
                    </header>
                    <FormRenderer readOnly definition={submission.form.definition} initialValues={submission.data} context={renderContext} />
                  </article>
                ))}
              </div>
            </Card>
          </section>

          <section aria-labelledby="timeline-heading">
            <Card className="p-4 sm:p-5">
              <h2 id="timeline-heading" className="mb-4 text-lg font-semibold text-slate-900">
                Timeline
              </h2>
              <InstanceTimeline history={detail.history} />
            </Card>
          </section>
        </div>

        <aside className="space-y-6" aria-label="Route and details">
          <section aria-labelledby="route-heading">
            <Card className="p-4">
              <h2 id="route-heading" className="mb-3 text-sm font-semibold text-slate-900">
                Route
              </h2>
              <FlowDiagram diagram={diagram} />
              <ol className="mt-3 space-y-1 text-sm" aria-label="Route taken">
                {diagram.path.map((step, index) => (
                  <li key={index} className="flex items-center gap-2">
                    <span aria-hidden="true" className={step.state === "current" ? "text-brand" : step.state === "end" ? "text-slate-900" : "text-green-600"}>
                      {step.state === "current" ? "●" : step.state === "end" ? "■" : "✓"}
                    </span>
                    <span className={step.state === "current" ? "font-semibold text-slate-900" : "text-slate-700"}>{step.label}</span>
                    <span className="sr-only">{step.state === "current" ? "(current step)" : step.state === "done" ? "(done)" : "(end)"}</span>
                  </li>
                ))}
              </ol>
            </Card>
          </section>

          <WhyHere detail={detail} mine={mine} admin={isAdmin ? { users: activeUsers, askedUserId, answer } : null} />

          {isRunning && (isAdmin || allowed.canCancel) ? (
            <section aria-labelledby="manage-heading">
              <Card className="space-y-4 p-4">
                <h2 id="manage-heading" className="text-sm font-semibold text-slate-900">
                  {isAdmin ? "Administer" : "Withdraw"}
                </h2>
                {isAdmin && allowed.canReassign && current ? <ReassignTask instanceId={instance.id} version={instance.version} holders={current.waitingFor} users={activeUsers} /> : null}
                {allowed.canCancel ? (
                  <div className="border-t border-slate-100 pt-4">
                    <p className="mb-2 text-sm text-slate-600">{isInitiator ? "No longer needed? Withdraw it; nobody can act on it afterwards." : "Cancel the request for everyone. It is recorded in the audit log."}</p>
                    <WithdrawRequest instanceId={instance.id} version={instance.version} label={`${instance.flow.name} ${referenceOf(instance.id)}`} mode={isInitiator ? "withdraw" : "cancel"} />
                  </div>
                ) : null}
              </Card>
            </section>
          ) : null}
        </aside>
      </div>
    </div>
  );
}
