import "server-only";
import type { z } from "zod";
import type { Tx } from "@/lib/db";
import { AppError, type FieldErrors } from "@/lib/errors";
import type { InputJsonValue } from "@/lib/generated/prisma/internal/prismaNamespace";
import { inTransaction, type ServiceContext } from "@/lib/service-context";
import { canvasNodeIds } from "./canvas/graph";
import { readLayout, type TFlowLayout } from "./canvas/layout";
import { toFlowDefinition, type TFlowDefinition } from "./definition";
import { checkOptionsFor } from "./editor/fields";
import { newId } from "./editor/new-id";
import { loadOrgSnapshot } from "./analysis/org-snapshot";
import { blocksPublish, checkDraft, type LocatedProblem } from "./editor/problems";
import { EMPTY_FLOW, type ZCreateFlow, type ZFlowId, type ZPublishFlow, type ZSaveFlowDraft } from "./editor/schema";
import { formFieldEnvs } from "./form-envs";
import { checkGoldenCases } from "./golden-cases";
import type { GoldenCaseResult } from "./simulate/route";
import { checkReferences } from "./references";
import { levelSelect } from "./runner/definitions";
import { clearFlowVersionParts, writeFlowVersionParts } from "./write-version";

// Flow design writes. Every function scopes by ctx.companyId, runs in one transaction and audits.
// Versions: at most one DRAFT per flow (partial unique index), PUBLISHED versions and their levels,
// branches, assignees and forms immutable (triggers); the draft's `revision` is a compare-and-set
// token so two designers never overwrite each other. Instances are pinned to the version they
// started on, so publishing never changes a running instance.

function actorOf(ctx: ServiceContext): string {
  if (!ctx.actorId) throw new AppError("FORBIDDEN", "Flows are designed by people; this request has no user.");
  return ctx.actorId;
}

async function loadFlow(tx: Tx, companyId: string, id: string, lock = false) {
  // The row lock serialises version changes of one flow (publish vs. new draft vs. save).
  if (lock) await tx.$executeRaw`SELECT id FROM flows WHERE id = ${id}::uuid AND "companyId" = ${companyId}::uuid FOR UPDATE`;
  const flow = await tx.flow.findFirst({ where: { id, companyId }, select: { id: true, name: true, status: true, archivedAt: true } });
  if (!flow) throw new AppError("NOT_FOUND", "Flow not found.");
  return flow;
}

const findDraft = (tx: Tx, companyId: string, flowId: string) =>
  tx.flowVersion.findFirst({ where: { flowId, companyId, state: "DRAFT" }, select: { id: true, number: true, revision: true, updatedAt: true, layout: true } });

/** The definition stored in a version's rows (throws if they cannot be read: a bug, not user input). */
async function readDefinition(tx: Tx, companyId: string, flowVersionId: string): Promise<TFlowDefinition> {
  const levels = await tx.flowLevel.findMany({ where: { flowVersionId, companyId }, ...levelSelect });
  const mapped = toFlowDefinition({ levels });
  if (!mapped.ok) throw new Error(`Flow version ${flowVersionId} cannot be read: ${mapped.problems.map((problem) => problem.message).join("; ")}`);
  return mapped.definition;
}

/** Creates a flow: a DRAFT flow with an empty draft version 1. */
export async function createFlow(ctx: ServiceContext, input: z.output<typeof ZCreateFlow>) {
  const createdById = actorOf(ctx);
  return inTransaction(ctx, async (tx, audit) => {
    const flow = await tx.flow.create({
      data: { companyId: ctx.companyId, name: input.name, description: input.description, createdById },
      select: { id: true, name: true, description: true, status: true },
    });
    const version = await tx.flowVersion.create({ data: { companyId: ctx.companyId, flowId: flow.id, number: 1 }, select: { id: true, number: true, revision: true } });
    await audit({ action: "flow.created", entity: "Flow", entityId: flow.id, after: flow });
    return { ...flow, draft: { ...version, definition: EMPTY_FLOW } };
  });
}

/** Who last wrote the draft and when, for a conflict message ("Sarah Admin saved this flow at 14:02 UTC"). */
async function lastDraftWriter(tx: Tx, companyId: string, flowId: string): Promise<string | null> {
  const entry = await tx.auditLog.findFirst({
    where: { companyId, entity: "Flow", entityId: flowId, action: { in: ["flow.created", "flow.draft_saved", "flow.draft_created"] } },
    orderBy: { createdAt: "desc" },
    select: { actor: { select: { firstName: true, lastName: true, email: true } } },
  });
  const actor = entry?.actor;
  return actor ? `${actor.firstName} ${actor.lastName}`.trim() || actor.email : null;
}

const savedAtText = (date: Date) => `${date.toISOString().slice(11, 16)} UTC`;

/**
 * Saves the whole editable definition of the draft if it is still at `revision` (compare-and-set);
 * otherwise a CONFLICT naming who saved it and when. Every role, department, user and form it names
 * must be this company's (forms: published versions). Returns the new revision.
 */
export async function saveFlowDraft(ctx: ServiceContext, input: z.output<typeof ZSaveFlowDraft>) {
  return inTransaction(ctx, async (tx, audit) => {
    const flow = await loadFlow(tx, ctx.companyId, input.flowId);
    const draft = await findDraft(tx, ctx.companyId, flow.id);
    if (!draft) throw new AppError("CONFLICT", "This flow has no draft any more (it was published); reload to continue from the published version.");
    const saved = await tx.flowVersion.updateMany({
      where: { id: draft.id, companyId: ctx.companyId, state: "DRAFT", revision: input.revision },
      // The layout is UI data: stored as given, with positions only for levels that exist.
      data: { revision: { increment: 1 }, ...(input.layout ? { layout: keepKnownNodes(input.layout, input.definition) as InputJsonValue } : {}) },
    });
    if (saved.count !== 1) {
      if (!(await findDraft(tx, ctx.companyId, flow.id))) throw new AppError("CONFLICT", "This draft was published meanwhile; reload to continue from the published version.");
      const who = await lastDraftWriter(tx, ctx.companyId, flow.id);
      throw new AppError("CONFLICT", `${who ?? "Someone else"} saved this flow at ${savedAtText(draft.updatedAt)}; reload to see their changes.`, {
        details: { savedAt: draft.updatedAt.toISOString(), savedBy: who, revision: draft.revision },
      });
    }
    const fieldErrors = await checkReferences(tx, { companyId: ctx.companyId, flowVersionId: draft.id, definition: input.definition });
    if (fieldErrors) throw new AppError("VALIDATION", "The flow names things that cannot be used; fix the highlighted settings.", { fieldErrors });
    await clearFlowVersionParts(tx, { companyId: ctx.companyId, flowVersionId: draft.id });
    await writeFlowVersionParts(tx, { companyId: ctx.companyId, flowVersionId: draft.id, definition: input.definition });
    await tx.flow.updateMany({ where: { id: flow.id, companyId: ctx.companyId }, data: { updatedAt: new Date() } });
    await audit({
      action: "flow.draft_saved",
      entity: "Flow",
      entityId: flow.id,
      metadata: { version: draft.number, revision: input.revision + 1, levels: input.definition.levels.length, branches: input.definition.branches.length },
    });
    return { versionId: draft.id, number: draft.number, revision: input.revision + 1, savedAt: new Date() };
  });
}

/** The layout without positions of levels the definition does not have (Start and the ends stay). */
function keepKnownNodes(layout: TFlowLayout, definition: TFlowDefinition): TFlowLayout {
  return readLayout(layout, canvasNodeIds(definition));
}

/** Problems as field errors keyed by where they are ("levels[1].assignees"; "" for the whole flow). */
function problemFieldErrors(problems: LocatedProblem[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const problem of problems) (errors[problem.path] ??= []).push(problem.message);
  return errors;
}

/**
 * Publishes the draft: runs the publish check (the same checkDraft the editor runs as you type, with
 * assignee coverage over the organisation now) and refuses with every error, located (warnings do
 * not block); otherwise freezes the version with its change note, who and when.
 */
export async function publishFlow(ctx: ServiceContext, input: z.output<typeof ZPublishFlow>) {
  const publishedById = actorOf(ctx);
  return inTransaction(ctx, async (tx, audit) => {
    const flow = await loadFlow(tx, ctx.companyId, input.flowId, true);
    if (flow.archivedAt) throw new AppError("CONFLICT", "This flow is archived; unarchive it before publishing.");
    const draft = await findDraft(tx, ctx.companyId, flow.id);
    if (!draft) throw new AppError("CONFLICT", "There is no draft to publish; this version is already published.");
    // Lock the draft row before reading its parts: a save in flight either committed already (and is
    // what gets checked) or waits and then finds the version published — never an unchecked freeze.
    await tx.$executeRaw`SELECT id FROM flow_versions WHERE id = ${draft.id}::uuid FOR UPDATE`;
    const definition = await readDefinition(tx, ctx.companyId, draft.id);
    const forms = await formFieldEnvs(tx, ctx.companyId, definition.levels.flatMap((level) => level.taskVersionIds));
    // Assignee coverage is checked against the organisation as it is at publish time.
    const org = await loadOrgSnapshot(tx, ctx.companyId);
    const found = checkDraft(definition, { ...checkOptionsFor(definition, forms), org });
    const problems = found.filter(blocksPublish);
    if (problems.length > 0) {
      const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
      throw new AppError("VALIDATION", `The flow cannot be published yet: fix ${count} first.`, { fieldErrors: problemFieldErrors(problems), details: { problems } });
    }
    const accepted = await guardGoldenCases(tx, ctx.companyId, flow.id, definition, input.acknowledgeGoldenChanges === true);
    const changeNote = withAcceptedChanges(input.changeNote, accepted);
    const now = new Date();
    // The state guard makes a second publish of the same version a no-op we can detect.
    const flipped = await tx.flowVersion.updateMany({
      where: { id: draft.id, companyId: ctx.companyId, state: "DRAFT" },
      data: { state: "PUBLISHED", publishedAt: now, publishedById, changeNote },
    });
    if (flipped.count !== 1) throw new AppError("CONFLICT", "This version was published already.");
    await tx.flow.update({ where: { id: flow.id }, data: { status: "PUBLISHED", publishedAt: now } });
    await audit({
      action: "flow.published",
      entity: "Flow",
      entityId: flow.id,
      before: { status: flow.status },
      after: { status: "PUBLISHED" },
      metadata: {
        version: draft.number,
        changeNote,
        ...(accepted.length > 0 ? { acceptedGoldenChanges: accepted.map((result) => ({ name: result.name, expected: result.expectedText, actual: result.actualText })) } : {}),
      },
    });
    // Warnings do not block publishing, but the publisher (and an API client) should still hear them.
    const warnings = found.filter((problem) => problem.severity === "warning").map(({ code, message, path, counterExample }) => ({ code, message, path, ...(counterExample ? { counterExample } : {}) }));
    return { versionId: draft.id, number: draft.number, publishedAt: now, warnings };
  });
}

/**
 * The golden-case gate of publish: every case replayed through the draft with the real engine. A
 * changed route refuses the publish (each case with its expected and actual route) unless the
 * publisher acknowledged it; then the changed cases are returned to be recorded. Nothing is updated.
 */
async function guardGoldenCases(tx: Tx, companyId: string, flowId: string, definition: TFlowDefinition, acknowledged: boolean): Promise<GoldenCaseResult[]> {
  const changed = (await checkGoldenCases(tx, companyId, flowId, definition)).filter((result) => result.changed);
  if (changed.length === 0 || acknowledged) return changed;
  const lines = changed.map((result) => `"${result.name}": expected ${result.expectedText}; now ${result.actualText}`);
  const count = changed.length === 1 ? "1 golden case takes" : `${changed.length} golden cases take`;
  throw new AppError("VALIDATION", `${count} another route with this draft; accept the route changes to publish anyway.`, {
    fieldErrors: { acknowledgeGoldenChanges: lines },
    details: { goldenCases: changed.map(({ name, expected, actual, expectedText, actualText }) => ({ name, expected, actual, expectedText, actualText })) },
  });
}

// The version says, in its own change note, which golden routes its publisher accepted as changed.
function withAcceptedChanges(changeNote: string | null, accepted: readonly GoldenCaseResult[]): string | null {
  if (accepted.length === 0) return changeNote;
  const names = accepted.map((result) => `"${result.name}"`).join(", ");
  const line = `Accepted route changes of golden case${accepted.length === 1 ? "" : "s"} ${names}.`;
  return changeNote ? `${changeNote}\n${line}` : line;
}

/**
 * Editing a published flow: a new DRAFT n+1 copied from the newest published version, with new level
 * and branch ids (the published rows keep theirs); the existing draft when there is one.
 */
export async function createFlowDraftFromPublished(ctx: ServiceContext, input: z.output<typeof ZFlowId>) {
  return inTransaction(ctx, async (tx, audit) => {
    const flow = await loadFlow(tx, ctx.companyId, input.flowId, true);
    const existing = await findDraft(tx, ctx.companyId, flow.id);
    if (existing) return { id: existing.id, number: existing.number, revision: existing.revision, created: false };
    const versions = await tx.flowVersion.findMany({ where: { flowId: flow.id, companyId: ctx.companyId }, orderBy: { number: "desc" }, select: { id: true, number: true, state: true, layout: true } });
    const published = versions.find((version) => version.state === "PUBLISHED");
    if (!published) throw new AppError("CONFLICT", "This flow has no published version to edit.");
    const { definition, layout } = withNewIds(await readDefinition(tx, ctx.companyId, published.id), published.layout);
    const number = (versions[0]?.number ?? 0) + 1;
    const draft = await tx.flowVersion.create({
      data: { companyId: ctx.companyId, flowId: flow.id, number, layout: layout as InputJsonValue },
      select: { id: true, number: true, revision: true },
    });
    await writeFlowVersionParts(tx, { companyId: ctx.companyId, flowVersionId: draft.id, definition });
    await audit({ action: "flow.draft_created", entity: "Flow", entityId: flow.id, metadata: { version: number, from: published.number } });
    return { ...draft, created: true };
  });
}

// A copy of a definition (and of the designer's node positions) under fresh ids.
function withNewIds(definition: TFlowDefinition, layout: unknown): { definition: TFlowDefinition; layout: unknown } {
  const ids = new Map(definition.levels.map((level) => [level.id, newId()]));
  const nodes = (layout as { nodes?: Record<string, unknown> } | null)?.nodes;
  return {
    definition: {
      ...definition,
      levels: definition.levels.map((level) => ({ ...level, id: ids.get(level.id)! })),
      branches: definition.branches.map((branch) => ({ ...branch, id: newId(), fromLevelId: ids.get(branch.fromLevelId)!, toLevelId: branch.toLevelId === null ? null : ids.get(branch.toLevelId)! })),
    },
    layout: nodes && typeof nodes === "object" ? { ...(layout as object), nodes: Object.fromEntries(Object.entries(nodes).flatMap(([id, at]) => (ids.has(id) ? [[ids.get(id)!, at]] : []))) } : (layout ?? {}),
  };
}

/** Archives (no new instances; hidden from "New request") or brings back a flow; versions and instances stay. */
export async function setFlowArchived(ctx: ServiceContext, input: z.output<typeof ZFlowId> & { archived: boolean }) {
  return inTransaction(ctx, async (tx, audit) => {
    const flow = await loadFlow(tx, ctx.companyId, input.flowId, true);
    if (Boolean(flow.archivedAt) === input.archived) return { id: flow.id, status: flow.status };
    const hasPublished = (await tx.flowVersion.count({ where: { flowId: flow.id, companyId: ctx.companyId, state: "PUBLISHED" } })) > 0;
    const status = input.archived ? "ARCHIVED" : hasPublished ? "PUBLISHED" : "DRAFT";
    await tx.flow.update({ where: { id: flow.id }, data: { status, archivedAt: input.archived ? new Date() : null } });
    await audit({ action: input.archived ? "flow.archived" : "flow.unarchived", entity: "Flow", entityId: flow.id, before: { status: flow.status }, after: { status } });
    return { id: flow.id, status };
  });
}
