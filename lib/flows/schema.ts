import { z } from "zod";

// One schema per input of the flow runner, shared by the browser forms, the server actions
// (lib/flows/actions.ts) and the REST API (app/api/v1/…/instances). Client-safe: zod only.

const ZId = z.string().uuid("Not a valid id");
const ZText = (max: number) => z.string().max(max, `At most ${max.toLocaleString("en-US")} characters`);
const ZOptionalText = (max: number) =>
  ZText(max)
    .optional()
    .transform((value) => (value?.trim() ? value : undefined));

/** Form values: a flat object of JSON values by field key (each level's forms validate them). */
export const ZSubmissionData = z
  .record(z.string().max(200), z.json())
  .refine((data) => Object.keys(data).length <= 500, "At most 500 fields");

export const INSTANCE_ACTIONS = ["submit", "approve", "reject", "send_back", "request_changes", "cancel"] as const;
export type TInstanceAction = (typeof INSTANCE_ACTIONS)[number];
/** The actions that need a reason (the engine refuses them without one). */
export const ACTIONS_NEEDING_REASON: readonly TInstanceAction[] = ["reject", "send_back", "request_changes"];

const requireReason = <T extends { action: string; reason?: string }>(input: T, ctx: z.RefinementCtx) => {
  if ((ACTIONS_NEEDING_REASON as readonly string[]).includes(input.action) && !input.reason?.trim()) {
    ctx.addIssue({ code: "custom", path: ["reason"], message: "Give a reason" });
  }
};

export const ZStartInstance = z.object({
  flowId: ZId,
  data: ZSubmissionData.optional(),
  /** Starting twice with the same key returns the first instance. */
  idempotencyKey: ZText(200).trim().min(1).optional(),
});
export type TStartInstance = z.input<typeof ZStartInstance>;

const actFields = {
  action: z.enum(INSTANCE_ACTIONS),
  data: ZSubmissionData.optional(),
  comment: ZOptionalText(5_000),
  reason: ZOptionalText(5_000),
  /** send_back: the earlier level to return to (default: the previous one on the route taken). */
  toLevelId: ZId.optional(),
  /** The instance version the user saw; the action is refused if the request moved on since. */
  expectedVersion: z.number().int().min(1).optional(),
};

export const ZActOnInstance = z.object({ instanceId: ZId, ...actFields }).superRefine(requireReason);
export type TActOnInstance = z.input<typeof ZActOnInstance>;

export const ZBulkAct = z
  .object({
    instanceIds: z.array(ZId).min(1, "Select at least one request").max(100, "At most 100 requests at once"),
    action: z.enum(["approve", "reject"]),
    comment: ZOptionalText(5_000),
    reason: ZOptionalText(5_000),
    /** The version of each request the user saw: one that moved on since is refused, naming who moved it. */
    versions: z
      .record(ZId, z.number().int().min(1))
      .refine((versions) => Object.keys(versions).length <= 100, "At most 100 versions")
      .optional(),
  })
  .superRefine(requireReason)
  .transform((input) => ({ ...input, instanceIds: [...new Set(input.instanceIds)] }));
export type TBulkAct = z.input<typeof ZBulkAct>;

/** A holder of a level: `u:<id>`, `r:<id>`, `d:<id>`, or the initiator's-manager slot. */
export const ZPrincipalKey = z
  .string()
  .regex(/^(?:[urd]:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|initiator_manager)$/i, "Not an assignee of this request");

export const ZReassign = z.object({ instanceId: ZId, fromPrincipal: ZPrincipalKey, toUserId: ZId, reason: ZOptionalText(2_000), expectedVersion: z.number().int().min(1).optional() });
export type TReassign = z.input<typeof ZReassign>;

export const ZCancelInstance = z.object({ instanceId: ZId, reason: ZOptionalText(2_000), expectedVersion: z.number().int().min(1).optional() });
export type TCancelInstance = z.input<typeof ZCancelInstance>;

// ---------------------------------------------------------------------------------------------------
// REST bodies and queries

/** POST /api/v1/flows/:id/instances */
export const ZStartInstanceBody = ZStartInstance.omit({ flowId: true }).strict();

/** POST /api/v1/instances/:id/actions: a level action, cancel, or (admins) reassign. */
export const ZInstanceActionBody = z.discriminatedUnion("action", [
  z.object(actFields).strict().superRefine(requireReason),
  z.object({ action: z.literal("reassign"), fromPrincipal: ZPrincipalKey, toUserId: ZId, reason: ZOptionalText(2_000), expectedVersion: z.number().int().min(1).optional() }).strict(),
]);
export type TInstanceActionBody = z.output<typeof ZInstanceActionBody>;

const ZPageNumber = z.coerce.number().int().min(1).max(100_000).optional();
const ZPageSize = z.coerce.number().int().min(1).max(100).optional();
const ZSearch = z.string().trim().max(200).optional().transform((value) => value || undefined);

export const ZInboxQuery = z.object({
  search: ZSearch,
  flowId: ZId.optional(),
  /** `overdue=1`: only items whose due time has passed. */
  overdue: z.stringbool().optional(),
  sort: z.enum(["newest", "oldest", "due"]).optional(),
  page: ZPageNumber,
  pageSize: ZPageSize,
});
export type TInboxQuery = z.output<typeof ZInboxQuery>;

export const ZMyRequestsQuery = z.object({
  search: ZSearch,
  flowId: ZId.optional(),
  /** CHANGES_REQUESTED: running requests waiting for the initiator to edit and resubmit. */
  status: z.enum(["IN_PROGRESS", "COMPLETED", "REJECTED", "CANCELLED", "FAILED", "CHANGES_REQUESTED"]).optional(),
  page: ZPageNumber,
  pageSize: ZPageSize,
});
export type TMyRequestsQuery = z.output<typeof ZMyRequestsQuery>;

/** GET /api/v1/instances?view=inbox|mine&… */
export const ZInstancesQuery = z.discriminatedUnion("view", [
  ZInboxQuery.extend({ view: z.literal("inbox") }),
  ZMyRequestsQuery.extend({ view: z.literal("mine") }),
]);
