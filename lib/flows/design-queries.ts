import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseFormDefinition } from "@/lib/forms/definition";
import { typeEnvOf } from "@/lib/forms/type-env";
import { fieldFactsOf } from "./analysis/field-facts";
import { toFlowDefinition, type TAssignee, type TEscalation, type TFlowDefinition } from "./definition";
import type { DiffLabels } from "./editor/diff";
import type { EditorOptions, FormVersionOption } from "./editor/fields";
import { levelSelect } from "./runner/definitions";
import { isUuid } from "@/lib/ids";
import { canvasNodeIds } from "./canvas/graph";
import { readLayout } from "./canvas/layout";

// Company-scoped reads of the flow designer's pages: the flows list, a flow's versions, a version's
// definition, the draft being edited, and what the editor's pickers offer. Plain DTOs.

const personName = (user: { firstName: string; lastName: string; email: string }) => `${user.firstName} ${user.lastName}`.trim() || user.email;

export type FlowListRow = {
  id: string;
  name: string;
  description: string | null;
  status: string;
  latestVersion: number | null;
  publishedVersion: number | null;
  hasDraft: boolean;
  updatedAt: Date;
  instances: number;
};

/** Every flow of the company (archived last) with its versions at a glance and its instance count. */
export async function listFlowsForDesign(companyId: string): Promise<FlowListRow[]> {
  const rows = await db.flow.findMany({
    where: { companyId },
    orderBy: [{ archivedAt: { sort: "desc", nulls: "first" } }, { name: "asc" }, { id: "asc" }],
    take: 500,
    select: {
      id: true,
      name: true,
      description: true,
      status: true,
      updatedAt: true,
      versions: { orderBy: { number: "desc" }, select: { number: true, state: true } },
      _count: { select: { instances: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    description: row.description,
    status: row.status,
    latestVersion: row.versions[0]?.number ?? null,
    publishedVersion: row.versions.find((version) => version.state === "PUBLISHED")?.number ?? null,
    hasDraft: row.versions.some((version) => version.state === "DRAFT"),
    updatedAt: row.updatedAt,
    instances: row._count.instances,
  }));
}

/** A flow with its version history (who published when, and why). Unknown and foreign ids: NOT_FOUND. */
export async function getFlowOverview(companyId: string, flowId: string) {
  if (!isUuid(flowId)) throw new AppError("NOT_FOUND", "Flow not found.");
  const flow = await db.flow.findFirst({
    where: { id: flowId, companyId },
    select: {
      id: true,
      name: true,
      description: true,
      status: true,
      archivedAt: true,
      updatedAt: true,
      versions: { orderBy: { number: "desc" }, select: { id: true, number: true, state: true, changeNote: true, publishedAt: true, publishedById: true, createdAt: true, updatedAt: true } },
      _count: { select: { instances: true } },
    },
  });
  if (!flow) throw new AppError("NOT_FOUND", "Flow not found.");
  const publisherIds = [...new Set(flow.versions.flatMap((version) => (version.publishedById ? [version.publishedById] : [])))];
  const publishers = await db.user.findMany({ where: { id: { in: publisherIds }, companyId }, select: { id: true, firstName: true, lastName: true, email: true } });
  const nameOf = new Map(publishers.map((user) => [user.id, personName(user)]));
  const { versions, _count, ...rest } = flow;
  return {
    ...rest,
    instances: _count.instances,
    versions: versions.map(({ publishedById, ...version }) => ({ ...version, publishedByName: publishedById ? (nameOf.get(publishedById) ?? null) : null })),
  };
}

/** The definition of one version of a flow (by number), or NOT_FOUND. */
export async function getVersionDefinition(companyId: string, flowId: string, number: number): Promise<TFlowDefinition> {
  const version = await db.flowVersion.findFirst({ where: { flowId, companyId, number }, select: { id: true, levels: levelSelect } });
  if (!version) throw new AppError("NOT_FOUND", "Version not found.");
  const mapped = toFlowDefinition(version);
  if (!mapped.ok) throw new Error(`Flow version ${version.id} cannot be read: ${mapped.problems[0]?.message}`);
  return mapped.definition;
}

/** The flow and its draft as the editor loads it (null draft: the flow is published with no draft open). */
export async function getFlowDraft(companyId: string, flowId: string) {
  if (!isUuid(flowId)) throw new AppError("NOT_FOUND", "Flow not found.");
  const flow = await db.flow.findFirst({
    where: { id: flowId, companyId },
    select: { id: true, name: true, status: true, archivedAt: true, versions: { where: { state: "DRAFT" }, select: { id: true, number: true, revision: true, updatedAt: true, layout: true, levels: levelSelect } } },
  });
  if (!flow) throw new AppError("NOT_FOUND", "Flow not found.");
  const { versions, ...rest } = flow;
  const draft = versions[0];
  if (!draft) return { ...rest, draft: null };
  const mapped = toFlowDefinition(draft);
  if (!mapped.ok) throw new Error(`Draft ${draft.id} cannot be read: ${mapped.problems[0]?.message}`);
  // Positions of levels that no longer exist are dropped here; the canvas places the missing ones.
  const layout = readLayout(draft.layout, canvasNodeIds(mapped.definition));
  return { ...rest, draft: { id: draft.id, number: draft.number, revision: draft.revision, updatedAt: draft.updatedAt, definition: mapped.definition, layout } };
}

/** What the editor's pickers offer: the company's roles, departments, active people and published form versions. */
export async function getEditorOptions(companyId: string): Promise<EditorOptions> {
  const [roles, departments, users, versions] = await Promise.all([
    db.role.findMany({ where: { companyId }, orderBy: { name: "asc" }, select: { id: true, name: true }, take: 1_000 }),
    db.department.findMany({ where: { companyId }, orderBy: { name: "asc" }, select: { id: true, name: true }, take: 1_000 }),
    db.user.findMany({ where: { companyId, isActive: true }, orderBy: [{ firstName: "asc" }, { lastName: "asc" }], select: { id: true, firstName: true, lastName: true, email: true }, take: 2_000 }),
    db.taskVersion.findMany({
      where: { companyId, state: "PUBLISHED", task: { archivedAt: null } },
      orderBy: [{ task: { name: "asc" } }, { number: "desc" }],
      select: { id: true, taskId: true, number: true, definition: true, task: { select: { name: true } } },
      take: 500,
    }),
  ]);
  const forms: FormVersionOption[] = [];
  for (const version of versions) {
    const parsed = parseFormDefinition(version.definition);
    if (!parsed.ok) continue;
    forms.push({
      taskVersionId: version.id,
      taskId: version.taskId,
      name: version.task.name,
      number: version.number,
      fields: typeEnvOf(parsed.definition),
      labels: Object.fromEntries(parsed.definition.fields.map((field) => [field.key, field.label || field.key])),
      facts: fieldFactsOf(parsed.definition),
    });
  }
  return { roles, departments, users: users.map((user) => ({ id: user.id, name: personName(user), email: user.email })), forms };
}

/** Words for the ids a diff shows (roles, departments, people, forms), from the editor options (pass them when loaded already). */
export async function diffLabelsFor(companyId: string, definitions: TFlowDefinition[], loaded?: EditorOptions): Promise<DiffLabels> {
  const options = loaded ?? (await getEditorOptions(companyId));
  const formIds = [...new Set(definitions.flatMap((definition) => definition.levels.flatMap((level) => level.taskVersionIds)))];
  const forms = await db.taskVersion.findMany({ where: { id: { in: formIds }, companyId }, select: { id: true, number: true, task: { select: { name: true } } } });
  return labelsFrom(options, new Map(forms.map((form) => [form.id, `${form.task.name} v${form.number}`])));
}

function labelsFrom(options: EditorOptions, formNames: Map<string, string>): DiffLabels {
  const role = new Map(options.roles.map((item) => [item.id, item.name]));
  const department = new Map(options.departments.map((item) => [item.id, item.name]));
  const user = new Map(options.users.map((item) => [item.id, item.name]));
  return {
    assignee: (assignee: TAssignee) => {
      switch (assignee.kind) {
        case "INITIATOR":
          return "The initiator";
        case "INITIATOR_MANAGER":
          return "Manager of the initiator";
        case "ROLE":
          return `Role ${role.get(assignee.roleId) ?? "(deleted)"}`;
        case "DEPARTMENT":
          return `Department ${department.get(assignee.departmentId) ?? "(deleted)"}`;
        case "USER":
          return user.get(assignee.userId) ?? "(a deactivated person)";
      }
    },
    escalation: (escalation: TEscalation) => (escalation.to === "role" ? `Role ${role.get(escalation.roleId) ?? "(deleted)"}` : "Manager of the initiator"),
    form: (id: string) => formNames.get(id) ?? "(unknown form)",
  };
}
