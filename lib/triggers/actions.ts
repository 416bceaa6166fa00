import "server-only";
import { Webhook } from "standardwebhooks";
import { decryptSecret } from "@/lib/crypto/secrets";
import { renderEmail } from "@/lib/email-templates/render";
import type { Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { startInstance } from "@/lib/flows/runner/start-instance";
import { OutboundRefused, sendOutbound } from "@/lib/http/outbound";
import { sendMail } from "@/lib/mail/send";
import type { ServiceContext } from "@/lib/service-context";
import { loadTable } from "@/lib/tables/load";
import { insertRecords, updateRecord } from "@/lib/tables/record-service";
import type { TTriggerAction } from "./definition";
import type { TEventView } from "./event-view";
import { mapValue, readPath, renderTemplate } from "./template";

// What each action does. Our own effects are effectively-once: a row write or a notification commits
// in the same transaction that marks the action run done (`markDone`), and a flow start carries an
// idempotency key per (event, trigger, action). Outbound effects (email, webhooks) are at-least-once;
// webhooks carry a `webhook-id` receivers can deduplicate on.

export type TActionContext = {
  companyId: string;
  eventId: string;
  triggerId: string;
  actionIndex: number;
  depth: number;
  view: TEventView;
  /** Commits the action's own writes together with "this action run succeeded". */
  inRunTransaction: <T>(work: (tx: Tx, ctx: ServiceContext) => Promise<T>) => Promise<T>;
  /** A service context acting for the trigger (as `userId`, or the system), one level deeper in the causation chain. */
  serviceContext: (userId: string | null) => ServiceContext;
  db: Tx;
};

/** A failure a retry may fix (network, 5xx): the job is retried with back-off. */
export class RetryableActionError extends Error {}

export type TActionResult = Record<string, unknown>;

/** The addresses an email action sends to for this event (fixed, by role, the actor, from a field). */
export async function recipients(db: Tx, context: Pick<TActionContext, "companyId" | "view">, config: { to: string[]; toRoles?: string[]; toActor?: boolean; toField?: string }): Promise<string[]> {
  const emails = new Set(config.to.map((address) => address.toLowerCase()));
  if (config.toRoles?.length) {
    const users = await db.user.findMany({ where: { companyId: context.companyId, isActive: true, roles: { some: { roleId: { in: config.toRoles } } } }, select: { email: true } });
    for (const user of users) emails.add(user.email.toLowerCase());
  }
  if (config.toActor && context.view.actorId) {
    const actor = await db.user.findFirst({ where: { id: context.view.actorId, companyId: context.companyId, isActive: true }, select: { email: true } });
    if (actor) emails.add(actor.email.toLowerCase());
  }
  if (config.toField) {
    const value = readPath(context.view.scope, config.toField);
    if (typeof value === "string" && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) emails.add(value.toLowerCase());
  }
  return [...emails];
}

async function sendEmail(action: Extract<TTriggerAction, { type: "send_email" }>, context: TActionContext): Promise<TActionResult> {
  const template = await context.db.emailTemplate.findFirst({ where: { companyId: context.companyId, key: action.config.template, isActive: true } });
  if (!template) throw new Error(`The email template "${action.config.template}" does not exist or is switched off`);
  const to = await recipients(context.db, context, action.config);
  if (to.length === 0) throw new Error("The email has no recipient for this event");
  const email = renderEmail(template, context.view.scope);
  const sent = await sendMail({ companyId: context.companyId, to, subject: email.subject, html: email.html, text: email.text });
  if (sent.error) throw new RetryableActionError(`The mail server refused the message: ${sent.error}`);
  return { to, subject: email.subject, mailId: sent.id, delivered: sent.delivered, missingVariables: email.missing };
}

async function startFlow(action: Extract<TTriggerAction, { type: "start_flow" }>, context: TActionContext): Promise<TActionResult> {
  const initiator = action.config.initiator === "actor" ? context.view.actorId : action.config.initiator;
  if (!initiator) throw new Error("This event has no person who could start the flow; choose a fixed initiator");
  const data = Object.fromEntries(Object.entries(action.config.data).map(([key, spec]) => [key, mapValue(spec, context.view.scope)]));
  const ctx = context.serviceContext(initiator);
  const started = await startInstance(ctx, { flowId: action.config.flowId, data, idempotencyKey: `trigger:${context.eventId}:${context.triggerId}:${context.actionIndex}` });
  return { instanceId: started.instanceId, created: started.created, status: started.status };
}

async function writeRow(action: Extract<TTriggerAction, { type: "create_row" | "update_row" }>, context: TActionContext): Promise<TActionResult> {
  const values = Object.fromEntries(Object.entries(action.config.values).map(([key, spec]) => [key, mapValue(spec, context.view.scope)]));
  if (action.type === "create_row") {
    return context.inRunTransaction(async (tx, ctx) => {
      const table = await loadTable(tx, context.companyId, { id: action.config.tableId });
      const [record] = await insertRecords(tx, ctx, table, [values]);
      return { recordId: record!.id };
    });
  }
  const recordId = action.config.recordIdFrom === "event.entityId" ? context.view.recordId : readPath(context.view.scope, action.config.recordIdFrom ?? "");
  if (typeof recordId !== "string") throw new Error(`No record id at "${action.config.recordIdFrom}" in this event`);
  // updateRecord runs its own transaction; running it twice with the same values changes nothing the
  // second time (an unchanged update writes no event), so a retry is harmless.
  await updateRecord(context.serviceContext(null), { tableId: action.config.tableId, recordId, values });
  return { recordId };
}

async function callWebhook(action: Extract<TTriggerAction, { type: "call_webhook" }>, context: TActionContext): Promise<TActionResult> {
  const body = action.config.body ? renderTemplate(action.config.body, context.view.scope, "json").output : JSON.stringify({ type: context.view.scope.event, data: context.view.scope });
  try {
    JSON.parse(body);
  } catch {
    throw new Error("The webhook body template does not give valid JSON for this event");
  }
  const secret = await context.db.triggerSecret.findFirst({ where: { triggerId: context.triggerId, companyId: context.companyId, OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] }, orderBy: { createdAt: "desc" } });
  const messageId = `msg_${context.eventId}_${context.triggerId.slice(0, 8)}_${context.actionIndex}`;
  const timestamp = new Date();
  const headers: Record<string, string> = { "content-type": "application/json", "user-agent": "Flowright-Webhooks/1", "webhook-id": messageId, "webhook-timestamp": String(Math.floor(timestamp.getTime() / 1000)) };
  if (secret) headers["webhook-signature"] = new Webhook(decryptSecret(secret.encrypted)).sign(messageId, timestamp, body);
  for (const [name, value] of Object.entries(action.config.headers)) headers[name.toLowerCase()] = value.startsWith("secret:v1.") ? decryptSecret(value.slice(7)) : value;
  let response;
  try {
    response = await sendOutbound(action.config.url, { method: action.config.method, headers, body, timeoutMs: action.config.timeoutMs, allowPrivate: env().WEBHOOK_ALLOW_PRIVATE_TARGETS });
  } catch (error) {
    const message = (error as Error).message;
    if (error instanceof OutboundRefused) throw new Error(message);
    throw new RetryableActionError(`The call failed: ${message}`);
  }
  const result = { status: response.status, durationMs: response.durationMs, body: response.body.slice(0, 2_000), webhookId: messageId };
  if (response.status >= 500 || response.status === 429) throw new RetryableActionError(`The receiver answered ${response.status}`);
  if (response.status >= 400) throw new Error(`The receiver answered ${response.status}: ${response.body.slice(0, 200)}`);
  return result;
}

async function notify(action: Extract<TTriggerAction, { type: "notify" }>, context: TActionContext): Promise<TActionResult> {
  return context.inRunTransaction(async (tx) => {
    const ids = new Set(action.config.userIds);
    if (action.config.roleIds.length) for (const row of await tx.userRole.findMany({ where: { companyId: context.companyId, roleId: { in: action.config.roleIds } }, select: { userId: true } })) ids.add(row.userId);
    if (action.config.toActor && context.view.actorId) ids.add(context.view.actorId);
    const users = await tx.user.findMany({ where: { companyId: context.companyId, isActive: true, id: { in: [...ids] } }, select: { id: true } });
    const title = renderTemplate(action.config.title, context.view.scope).output.slice(0, 200);
    const body = renderTemplate(action.config.body, context.view.scope).output.slice(0, 2_000);
    const link = action.config.link ?? (context.view.instanceId ? `/instances/${context.view.instanceId}` : undefined);
    await tx.notification.createMany({ data: users.map((user) => ({ companyId: context.companyId, userId: user.id, type: "trigger", title, body, link, data: { triggerId: context.triggerId, eventId: context.eventId } })) });
    return { notified: users.length };
  });
}

export async function runAction(action: TTriggerAction, context: TActionContext): Promise<TActionResult> {
  switch (action.type) {
    case "send_email":
      return sendEmail(action, context);
    case "start_flow":
      return startFlow(action, context);
    case "create_row":
    case "update_row":
      return writeRow(action, context);
    case "call_webhook":
      return callWebhook(action, context);
    case "notify":
      return notify(action, context);
  }
}
