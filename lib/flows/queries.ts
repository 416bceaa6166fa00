import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { TPageQuery } from "@/lib/http/pagination";
import { pageArgs, toPage } from "@/lib/http/pagination";
import type { Principal } from "@/lib/auth/session";
import { startLevel } from "./engine/graph";
import { principalsOf } from "./principals";
import { loadVersion } from "./runner/definitions";
import { canStartFlow } from "./runner/eligibility";
import type { FormRef } from "./runner/instance-detail";
import { levelSelect } from "@/lib/flows/runner/definitions";

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
    ...pageArgs(page),
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
          levels: levelSelect,
        },
      },
    },
  });
  if (!flow) throw new AppError("NOT_FOUND", "Flow not found.");
  const { versions, ...rest } = flow;
  return { ...rest, publishedVersion: versions[0] ?? null };
}

// ---------------------------------------------------------------------------------------------------
// Instances: inbox, my requests, the instance page (implemented beside the runner, whose rules they
// share — lib/flows/runner/inbox.ts and instance-detail.ts).

export { countInbox, listInbox, listMyRequests, type InboxItem, type InboxQuery, type MyRequest, type MyRequestsQuery, type Page } from "./runner/inbox";
export { explainAbsence, getInstanceDetail, type AbsenceExplanation, type InstanceDetail } from "./runner/instance-detail";

export type StartableFlow = {
  id: string;
  name: string;
  description: string | null;
  versionId: string;
  versionNumber: number;
  /** The first level; when the initiator fills it, its forms are what "New request" shows. */
  firstLevel: { id: string; name: string; filledByInitiator: boolean; forms: FormRef[] };
};

/**
 * Published flows the user may start (newest published version of each): a first level filled by
 * the initiator (or decided by their manager) can be started by anyone with `instances.create`; any
 * other first level only by someone who holds it.
 */
export async function listStartableFlows(principal: Principal): Promise<StartableFlow[]> {
  if (!principal.permissions.has("instances.create")) return [];
  const flows = await db.flow.findMany({
    where: { companyId: principal.companyId, archivedAt: null, versions: { some: { state: "PUBLISHED" } } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, description: true, versions: { where: { state: "PUBLISHED" }, orderBy: { number: "desc" }, take: 1, select: { id: true } } },
  });
  const principals = principalsOf(principal);
  const startable: StartableFlow[] = [];
  for (const flow of flows) {
    const version = await loadVersion(principal.companyId, flow.versions[0]!.id).catch((error: unknown) => {
      console.error(`flow ${flow.id} cannot be offered: ${(error as Error).message}`);
      return null;
    });
    const first = version ? startLevel(version.definition) : null;
    if (!version || !first || !canStartFlow(version.definition, principals)) continue;
    startable.push({
      id: flow.id,
      name: flow.name,
      description: flow.description,
      versionId: version.flowVersionId,
      versionNumber: version.number,
      firstLevel: {
        id: first.id,
        name: first.name,
        filledByInitiator: first.assignees.some((assignee) => assignee.kind === "INITIATOR"),
        forms: first.taskVersionIds.map((id) => {
          const form = version.forms.get(id)!;
          return { taskVersionId: form.taskVersionId, taskId: form.taskId, name: form.taskName, versionNumber: form.number, definition: form.definition };
        }),
      },
    });
  }
  return startable;
}
