import "server-only";
import { compileCondition } from "@/lib/expressions/api";
import { formatExplanation } from "@/lib/expressions/explain";
import { db, type Db, type Tx } from "@/lib/db";
import { renderEmail } from "@/lib/email-templates/render";
import { env } from "@/lib/env";
import { AppError, fieldErrorsFromZod } from "@/lib/errors";
import { loadTable } from "@/lib/tables/load";
import { checkRecordValues } from "@/lib/tables/record-values";
import { recipients } from "./actions";
import { checkTrigger } from "./check";
import { ZTriggerInput, type TTriggerAction } from "./definition";
import { triggerTypeEnv } from "./event-env";
import { eventView, type TOutboxEvent } from "./event-view";
import { mapValue, readPath, renderTemplate } from "./template";

// The editor's "Test": a trigger (saved or not) against a past event or sample data. It explains the
// condition and shows what each action would do — the email as rendered, the row as the table would
// judge it, the webhook body — without doing any of it. Nothing is written.

export type TActionPreview = { index: number; type: string; wouldDo: Record<string, unknown>; problems: string[] };
export type TTestRun = { matched: boolean; explanation: string; scope: Record<string, unknown>; actions: TActionPreview[] };

async function scopeOf(companyId: string, input: { eventId?: string; sample?: Record<string, unknown> }) {
  if (input.eventId) {
    const event = await db.outboxEvent.findFirst({ where: { id: input.eventId, companyId } });
    if (!event) throw new AppError("NOT_FOUND", "Event not found.");
    return eventView(event as unknown as TOutboxEvent, { appUrl: env().APP_URL });
  }
  const sample = input.sample ?? {};
  return { scope: { ...sample, event: { type: "TEST", id: "test", entity: "Test", entityId: "test", at: new Date().toISOString() } }, actorId: null, taskId: null, flowId: null, tableId: null, instanceId: null, recordId: null };
}

async function preview(tx: Tx | Db, companyId: string, action: TTriggerAction, view: Awaited<ReturnType<typeof scopeOf>>): Promise<Omit<TActionPreview, "index">> {
  const problems: string[] = [];
  switch (action.type) {
    case "send_email": {
      const template = await tx.emailTemplate.findFirst({ where: { companyId, key: action.config.template } });
      if (!template) return { type: action.type, wouldDo: {}, problems: [`There is no email template "${action.config.template}"`] };
      const to = await recipients(tx, { companyId, view }, action.config);
      const email = renderEmail(template, view.scope);
      if (!to.length) problems.push("No recipient for this event");
      if (email.missing.length) problems.push(`No value for ${email.missing.map((name) => `{{${name}}}`).join(", ")}`);
      return { type: action.type, wouldDo: { to, subject: email.subject, html: email.html, text: email.text }, problems };
    }
    case "start_flow": {
      const data = Object.fromEntries(Object.entries(action.config.data).map(([key, spec]) => [key, mapValue(spec, view.scope)]));
      const initiator = action.config.initiator === "actor" ? view.actorId : action.config.initiator;
      if (!initiator) problems.push("This event has no person who could start the flow");
      return { type: action.type, wouldDo: { flowId: action.config.flowId, initiator, data }, problems };
    }
    case "create_row":
    case "update_row": {
      const values = Object.fromEntries(Object.entries(action.config.values).map(([key, spec]) => [key, mapValue(spec, view.scope)]));
      const table = await loadTable(tx, companyId, { id: action.config.tableId }).catch(() => null);
      if (!table) return { type: action.type, wouldDo: { values }, problems: ["The table does not exist"] };
      const checked = checkRecordValues(table.compiled, values, action.type === "create_row" ? { kind: "create" } : { kind: "update", current: {} });
      if (!checked.ok) problems.push(...Object.entries(checked.errors).map(([key, messages]) => `${key}: ${messages.join(", ")}`));
      const recordId = action.type === "update_row" ? (action.config.recordIdFrom === "event.entityId" ? view.recordId : readPath(view.scope, action.config.recordIdFrom ?? "")) : undefined;
      if (action.type === "update_row" && typeof recordId !== "string") problems.push(`No record id at "${action.config.recordIdFrom}"`);
      return { type: action.type, wouldDo: { table: table.displayName, values: checked.ok ? checked.data : values, ...(recordId ? { recordId } : {}) }, problems };
    }
    case "call_webhook": {
      const body = action.config.body ? renderTemplate(action.config.body, view.scope, "json").output : JSON.stringify({ type: view.scope.event, data: view.scope });
      try {
        JSON.parse(body);
      } catch {
        problems.push("The body is not valid JSON for this event");
      }
      return { type: action.type, wouldDo: { method: action.config.method, url: action.config.url, body }, problems };
    }
    case "notify":
      return { type: action.type, wouldDo: { title: renderTemplate(action.config.title, view.scope).output, body: renderTemplate(action.config.body, view.scope).output, userIds: action.config.userIds, roleIds: action.config.roleIds, toActor: action.config.toActor }, problems };
  }
}

/** Runs the trigger's checks, condition and action previews; throws VALIDATION like a save would. */
export async function testTrigger(companyId: string, input: { trigger: unknown; eventId?: string; sample?: Record<string, unknown> }): Promise<TTestRun> {
  const parsed = ZTriggerInput.safeParse(input.trigger);
  if (!parsed.success) throw new AppError("VALIDATION", "Some settings need attention.", { fieldErrors: fieldErrorsFromZod(parsed.error.issues) });
  const trigger = parsed.data;
  const errors = await checkTrigger(db, companyId, trigger);
  if (Object.keys(errors).length) throw new AppError("VALIDATION", "Some settings need attention.", { fieldErrors: errors });
  const view = await scopeOf(companyId, input);
  let matched = true;
  let explanation = "No condition: always runs";
  if (trigger.condition) {
    const compiled = compileCondition(trigger.condition, await triggerTypeEnv(db, companyId, trigger));
    if (!compiled.ok) throw new AppError("VALIDATION", "The condition does not fit the event.", { fieldErrors: { condition: compiled.diagnostics.map((d) => d.message) } });
    const result = compiled.explain(view.scope);
    matched = result.value === true;
    explanation = formatExplanation(result);
  }
  const actions: TActionPreview[] = [];
  for (const [index, action] of trigger.actions.entries()) actions.push({ index, ...(await preview(db, companyId, action, view)) });
  return { matched, explanation, scope: view.scope, actions };
}
