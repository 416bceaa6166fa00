import "server-only";
import { db } from "@/lib/db";
import type { Principal } from "@/lib/auth/session";
import { principalsOf } from "@/lib/flows/principals";

export type DashboardSummary = {
  pendingTasks: number;
  myOpenRequests: number;
  runningInstances: number;
  publishedFlows: number;
  recentRequests: { id: string; flowName: string; status: string; currentLevel: string | null; startedAt: Date }[];
  flows: { id: string; name: string; description: string | null; levels: number; version: number }[];
};

/** The dashboard's figures, all scoped to the principal's company. */
export async function getDashboardSummary(principal: Principal): Promise<DashboardSummary> {
  const { companyId, userId } = principal;
  const principals = principalsOf(principal);
  const [pendingTasks, myOpenRequests, runningInstances, publishedFlows, recent, flows] = await Promise.all([
    db.assignment.count({ where: { companyId, status: "OPEN", principal: { in: principals } } }),
    db.flowInstance.count({ where: { companyId, initiatorId: userId, status: "IN_PROGRESS" } }),
    db.flowInstance.count({ where: { companyId, status: "IN_PROGRESS" } }),
    db.flow.count({ where: { companyId, status: "PUBLISHED" } }),
    db.flowInstance.findMany({
      where: { companyId, initiatorId: userId },
      orderBy: { startedAt: "desc" },
      take: 5,
      select: { id: true, status: true, startedAt: true, flow: { select: { name: true } }, currentLevel: { select: { name: true } } },
    }),
    db.flow.findMany({
      where: { companyId, status: "PUBLISHED" },
      orderBy: { name: "asc" },
      take: 10,
      select: {
        id: true,
        name: true,
        description: true,
        versions: {
          where: { state: "PUBLISHED" },
          orderBy: { number: "desc" },
          take: 1,
          select: { number: true, _count: { select: { levels: true } } },
        },
      },
    }),
  ]);
  return {
    pendingTasks,
    myOpenRequests,
    runningInstances,
    publishedFlows,
    recentRequests: recent.map((instance) => ({
      id: instance.id,
      flowName: instance.flow.name,
      status: instance.status,
      currentLevel: instance.currentLevel?.name ?? null,
      startedAt: instance.startedAt,
    })),
    flows: flows.map((flow) => ({
      id: flow.id,
      name: flow.name,
      description: flow.description,
      levels: flow.versions[0]?._count.levels ?? 0,
      version: flow.versions[0]?.number ?? 0,
    })),
  };
}
