import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { TPageQuery } from "@/lib/http/pagination";
import { toPage } from "@/lib/http/pagination";

const flowSummary = {
  id: true,
  name: true,
  description: true,
  status: true,
  createdAt: true,
  updatedAt: true,
  publishedAt: true,
} as const;

/** A page of the company's flows, by name. */
export async function listFlows(companyId: string, page: TPageQuery) {
  const rows = await db.flow.findMany({
    where: { companyId, archivedAt: null },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: page.limit + 1,
    ...(page.cursor ? { cursor: { id: page.cursor }, skip: 1 } : {}),
    select: flowSummary,
  });
  return toPage(rows, page.limit);
}

/**
 * One flow with its newest published version (levels, assignees, tasks, branches). Loaded by id AND
 * company, so a foreign id is indistinguishable from a missing one.
 */
export async function getFlow(companyId: string, flowId: string) {
  const flow = await db.flow.findFirst({
    where: { id: flowId, companyId },
    select: {
      ...flowSummary,
      versions: {
        where: { state: "PUBLISHED" },
        orderBy: { number: "desc" },
        take: 1,
        select: {
          id: true,
          number: true,
          publishedAt: true,
          changeNote: true,
          levels: {
            orderBy: { order: "asc" },
            select: {
              id: true,
              name: true,
              order: true,
              approvalMode: true,
              requiredApprovals: true,
              config: true,
              assignees: { select: { kind: true, roleId: true, departmentId: true, userId: true } },
              tasks: { orderBy: { order: "asc" }, select: { taskVersionId: true, order: true } },
              outgoingBranches: {
                orderBy: { priority: "asc" },
                select: { id: true, name: true, target: true, toLevelId: true, condition: true, isDefault: true, priority: true },
              },
            },
          },
        },
      },
    },
  });
  if (!flow) throw new AppError("NOT_FOUND", "Flow not found.");
  const { versions, ...rest } = flow;
  return { ...rest, publishedVersion: versions[0] ?? null };
}
