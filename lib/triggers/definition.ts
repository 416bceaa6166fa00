// The trigger model: which event, which condition, which ordered actions, which settings. Shapes
// only; what needs the company's data (templates exist, fields type-check, tables and flows exist)
// is checked by check.ts when a trigger is saved.
import { z } from "zod";

export const EVENT_TYPES = [
  "TASK_COMPLETED",
  "TASK_STARTED",
  "TASK_UPDATED",
  "FIELD_CHANGED",
  "FLOW_STARTED",
  "FLOW_COMPLETED",
  "DATABASE_ROW_CREATED",
  "DATABASE_ROW_UPDATED",
  "DATABASE_ROW_DELETED",
  "SCHEDULED",
  "WEBHOOK_RECEIVED",
] as const;
export type TEventType = (typeof EVENT_TYPES)[number];

const ZId = z.uuid("Not a valid id");
const ZEmail = z.string().trim().toLowerCase().email("Not a valid email address").max(254);
/** A value taken from the event: a path into its data ("amount", "previous.status", "payload.order.id"). */
const ZPath = z.string().trim().regex(/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/, "Use a field name or a dotted path such as order.id").max(200);
/** Text with {{variables}} from the event (templating is escaped, see template.ts). */
const ZTemplateText = z.string().max(10_000, "At most 10,000 characters");

export const ZSendEmail = z.strictObject({
  type: z.literal("send_email"),
  config: z.strictObject({
    to: z.array(ZEmail).max(50).default([]),
    toRoles: z.array(ZId).max(20).default([]),
    /** The person who caused the event (the submitter, the flow's initiator, the row's editor). */
    toActor: z.boolean().default(false),
    /** An address taken from the event's data. */
    toField: ZPath.optional(),
    template: z.string().trim().min(1, "Choose an email template").max(100),
  }),
});

export const ZStartFlow = z.strictObject({
  type: z.literal("start_flow"),
  config: z.strictObject({
    flowId: ZId,
    /** Start-form field → value: a {{template}} over the event, or a path with `=path`. */
    data: z.record(z.string().max(63), ZTemplateText).default({}),
    /** Who starts the instance: the event's actor, or a fixed user. */
    initiator: z.union([z.literal("actor"), ZId]).default("actor"),
  }),
});

export const ZWriteRow = z.strictObject({
  type: z.enum(["create_row", "update_row"]),
  config: z.strictObject({
    tableId: ZId,
    /** update_row: the record to change, a path into the event giving its id. */
    recordIdFrom: ZPath.optional(),
    values: z.record(z.string().max(40), ZTemplateText).default({}),
  }),
});

export const ZCallWebhook = z.strictObject({
  type: z.literal("call_webhook"),
  config: z.strictObject({
    url: z.url({ protocol: /^https?$/, error: "Use an http(s) URL" }).max(2_048),
    method: z.enum(["POST", "PUT", "PATCH"]).default("POST"),
    /** Header name → value; values may be secrets stored encrypted (see TriggerSecret). */
    headers: z.record(z.string().regex(/^[A-Za-z0-9-]{1,100}$/, "Not a valid header name"), z.string().max(2_000)).default({}),
    /** JSON body as a template; empty sends the event itself. */
    body: ZTemplateText.optional(),
    timeoutMs: z.int().min(100).max(30_000).default(10_000),
  }),
});

export const ZNotify = z.strictObject({
  type: z.literal("notify"),
  config: z.strictObject({
    userIds: z.array(ZId).max(100).default([]),
    roleIds: z.array(ZId).max(20).default([]),
    toActor: z.boolean().default(false),
    title: z.string().trim().min(1, "Give the notification a title").max(200),
    body: ZTemplateText.default(""),
    link: z.string().max(500).optional(),
  }),
});

export const ZTriggerAction = z.discriminatedUnion("type", [ZSendEmail, ZStartFlow, ZWriteRow, ZCallWebhook, ZNotify]);
export type TTriggerAction = z.output<typeof ZTriggerAction>;

export const ZQuietHours = z.strictObject({
  start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use HH:MM"),
  end: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use HH:MM"),
  timeZone: z.string().min(1).max(64),
});

export const ZTriggerSettings = z.strictObject({
  /** Stop at the first failed action (the rest are skipped), or run every action regardless. */
  stopOnFailure: z.boolean().default(true),
  /** At most this many executions per minute; more are recorded as SKIPPED (rate limited). */
  rateLimitPerMinute: z.int().min(1).max(10_000).optional(),
  /** Actions wait until the quiet hours end (times in the given zone). */
  quietHours: ZQuietHours.optional(),
});
export type TTriggerSettings = z.output<typeof ZTriggerSettings>;

/** How a flow can end; FLOW_COMPLETED carries it as `status`. */
export const FLOW_ENDINGS = ["COMPLETED", "REJECTED", "CANCELLED"] as const;
export type TFlowEnding = (typeof FLOW_ENDINGS)[number];

/** Whether a FLOW_COMPLETED trigger with these endings reacts to a flow that ended with `status`. */
export function reactsToEnding(endings: readonly string[] | undefined, status: unknown): boolean {
  return (endings?.length ? endings : ["COMPLETED"]).includes(String(status ?? "COMPLETED"));
}

export const ZEventConfig = z.strictObject({
  /** SCHEDULED: a cron expression and its time zone. */
  cron: z.string().max(100).optional(),
  timeZone: z.string().max(64).optional(),
  /** FLOW_COMPLETED: the endings that fire it; absent means a successful completion only. */
  endings: z.array(z.enum(FLOW_ENDINGS)).min(1, "Choose at least one ending").optional(),
  /** FIELD_CHANGED: the field to watch. */
  field: z.string().max(63).optional(),
  /**
   * WEBHOOK_RECEIVED: a JSON Schema the payload must match (as typed, JSON text; empty = any JSON).
   * Here only "is it a JSON object"; that it is a valid schema is checked on save (payload-schema.ts).
   */
  payloadSchema: z
    .string()
    .trim()
    .max(20_000, "At most 20,000 characters")
    .transform((value) => value || undefined)
    .refine((value) => value === undefined || isJsonObject(value), "Write the schema as a JSON object, e.g. { \"type\": \"object\" }")
    .optional(),
});

function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

export const ZTriggerInput = z.object({
  name: z.string().trim().min(1, "Give the trigger a name").max(200, "At most 200 characters"),
  description: z.string().trim().max(2_000).optional().transform((value) => value || null),
  isActive: z.boolean().default(true),
  eventType: z.enum(EVENT_TYPES),
  eventConfig: ZEventConfig.default({}),
  /** A condition in the expression language over the event's data; empty = always. */
  condition: z.string().trim().max(4_000).optional().transform((value) => value || null),
  actions: z.array(ZTriggerAction).min(1, "Add at least one action").max(20, "At most 20 actions"),
  settings: ZTriggerSettings.default({ stopOnFailure: true }),
  taskId: ZId.nullable().default(null),
  flowId: ZId.nullable().default(null),
  tableId: ZId.nullable().default(null),
});
export type TTriggerInput = z.input<typeof ZTriggerInput>;
export type TTrigger = z.output<typeof ZTriggerInput>;

/** How a stored trigger's parts read back (stored conditions are `{ source }`, as forms store them). */
export function storedCondition(conditions: unknown): string | null {
  if (conditions && typeof conditions === "object" && typeof (conditions as { source?: unknown }).source === "string") return (conditions as { source: string }).source;
  return null;
}
