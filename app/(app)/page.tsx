import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { requirePagePrincipal } from "@/lib/auth/guard";
import { getDashboardSummary } from "@/lib/dashboard/queries";

export const metadata: Metadata = { title: "Dashboard" };

const STATUS_LABELS: Record<string, string> = {
  IN_PROGRESS: "In progress",
  COMPLETED: "Completed",
  REJECTED: "Rejected",
  CANCELLED: "Cancelled",
  FAILED: "Failed",
};

function Stat({ label, value, testId, hint }: { label: string; value: number; testId: string; hint: string }) {
  return (
    <Card className="p-5">
      <p className="text-sm text-slate-500">{label}</p>
      <p className="mt-1 text-3xl font-semibold text-slate-900" data-testid={testId}>
        {value.toLocaleString("en-US")}
      </p>
      <p className="mt-1 text-xs text-slate-400">{hint}</p>
    </Card>
  );
}

export default async function DashboardPage() {
  const principal = await requirePagePrincipal();
  const summary = await getDashboardSummary(principal);
  const firstName = principal.name.split(" ")[0];
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">Dashboard</h1>
        <p className="text-sm text-slate-500">Welcome back, {firstName}.</p>
      </div>

      <section aria-label="Figures" className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <Stat label="My pending tasks" value={summary.pendingTasks} testId="stat-pending" hint="Waiting for your decision" />
        <Stat label="My open requests" value={summary.myOpenRequests} testId="stat-my-requests" hint="Started by you, still running" />
        <Stat label="Running instances" value={summary.runningInstances} testId="stat-running" hint="Across the company" />
        <Stat label="Published flows" value={summary.publishedFlows} testId="stat-flows" hint="Ready to start" />
      </section>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <h2 className="border-b border-slate-100 px-5 py-3 text-sm font-semibold text-slate-700">Published flows</h2>
          {summary.flows.length === 0 ? (
            <p className="px-5 py-6 text-sm text-slate-500">No flow has been published yet.</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {summary.flows.map((flow) => (
                <li key={flow.id} className="px-5 py-3">
                  <p className="text-sm font-medium text-slate-900">{flow.name}</p>
                  <p className="text-xs text-slate-500">
                    {flow.levels} levels · version {flow.version}
                    {flow.description ? ` · ${flow.description}` : ""}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card>
          <h2 className="border-b border-slate-100 px-5 py-3 text-sm font-semibold text-slate-700">My recent requests</h2>
          {summary.recentRequests.length === 0 ? (
            <p className="px-5 py-6 text-sm text-slate-500">You have not started any request yet.</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {summary.recentRequests.map((request) => (
                <li key={request.id} className="flex items-center justify-between px-5 py-3">
                  <div>
                    <p className="text-sm font-medium text-slate-900">{request.flowName}</p>
                    <p className="text-xs text-slate-500">
                      {request.currentLevel ? `At ${request.currentLevel} · ` : ""}started {request.startedAt.toLocaleDateString("en-GB")}
                    </p>
                  </div>
                  <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700">{STATUS_LABELS[request.status] ?? request.status}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </div>
  );
}
