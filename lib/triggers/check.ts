import "server-only";
import { checkCondition } from "@/lib/expressions/api";
import type { Db, Tx } from "@/lib/db";
import type { FieldErrors } from "@/lib/errors";
import { ZTableSchema } from "@/lib/tables/columns";
import type { TTrigger } from "./definition";
import { cronProblem } from "./cron";
import { offersPath, triggerTypeEnv } from "./event-env";
import { payloadSchemaProblem } from "./payload-schema";
import { templateVariables } from "./template";

// Save-time checks of a trigger against the company's data. Problems are field errors keyed by path
// ("condition", "actions.1.config.template") so the editor can show each where it belongs.

const ROW_EVENTS = new Set(["DATABASE_ROW_CREATED", "DATABASE_ROW_UPDATED", "DATABASE_ROW_DELETED"]);
const TASK_EVENTS = new Set(["TASK_COMPLETED", "TASK_STARTED", "TASK_UPDATED"]);

export async function checkTrigger(db: Tx | Db, companyId: string, trigger: TTrigger): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  const add = (path: string, message: string) => (errors[path] ??= []).push(message);

  if (trigger.taskId && !(await db.task.findFirst({ where: { id: trigger.taskId, companyId }, select: { id: true } }))) add("taskId", "The form does not exist");
  if (trigger.flowId && !(await db.flow.findFirst({ where: { id: trigger.flowId, companyId }, select: { id: true } }))) add("flowId", "The flow does not exist");
  if (trigger.tableId && !(await db.customTable.findFirst({ where: { id: trigger.tableId, companyId, archivedAt: null }, select: { id: true } }))) add("tableId", "The table does not exist");
  if (ROW_EVENTS.has(trigger.eventType) && !trigger.tableId) add("tableId", "Choose the table whose rows this trigger watches");
  if (trigger.eventType === "SCHEDULED") {
    if (!trigger.eventConfig.cron) add("eventConfig.cron", "Give the schedule as a cron expression");
    else {
      const problem = cronProblem(trigger.eventConfig.cron, trigger.eventConfig.timeZone || "UTC");
      if (problem) add("eventConfig.cron", problem);
    }
  }
  if (trigger.eventConfig.payloadSchema) {
    if (trigger.eventType !== "WEBHOOK_RECEIVED") add("eventConfig.payloadSchema", "Only webhook triggers check a payload schema");
    else {
      const problem = payloadSchemaProblem(trigger.eventConfig.payloadSchema);
      if (problem) add("eventConfig.payloadSchema", problem);
    }
  }
  if (trigger.eventConfig.endings && trigger.eventType !== "FLOW_COMPLETED") add("eventConfig.endings", "Only flow-ended triggers choose endings");
  if (trigger.eventType === "FIELD_CHANGED" && !trigger.eventConfig.field) add("eventConfig.field", "Choose the field to watch");
  if (TASK_EVENTS.has(trigger.eventType) && trigger.tableId) add("tableId", "Form events do not come from tables");
  if (Object.keys(errors).length) return errors;

  const env = await triggerTypeEnv(db, companyId, trigger);
  if (trigger.condition) {
    const checked = checkCondition(trigger.condition, env);
    if (!checked.ok) add("condition", checked.diagnostics.map((diagnostic) => diagnostic.message).join("; "));
  }
  const unknown = (path: string, text: string) => {
    const missing = templateVariables(text).filter((variable) => !offersPath(env, variable));
    if (missing.length) add(path, `This event offers no ${missing.map((name) => `{{${name}}}`).join(", ")}`);
  };

  for (const [index, action] of trigger.actions.entries()) {
    const at = (name: string) => `actions.${index}.config.${name}`;
    switch (action.type) {
      case "send_email": {
        const template = await db.emailTemplate.findFirst({ where: { companyId, key: action.config.template }, select: { subject: true, bodyHtml: true, bodyText: true, isActive: true } });
        if (!template) add(at("template"), `There is no email template "${action.config.template}"`);
        else {
          if (!template.isActive) add(at("template"), "This email template is switched off");
          unknown(at("template"), `${template.subject}\n${template.bodyHtml}\n${template.bodyText ?? ""}`);
        }
        const recipients = action.config.to.length + action.config.toRoles.length + (action.config.toActor ? 1 : 0) + (action.config.toField ? 1 : 0);
        if (recipients === 0) add(at("to"), "Choose who receives the email");
        if (action.config.toField && !offersPath(env, action.config.toField)) add(at("toField"), `This event offers no field "${action.config.toField}"`);
        if (action.config.toRoles.length && (await db.role.count({ where: { companyId, id: { in: action.config.toRoles } } })) !== action.config.toRoles.length) add(at("toRoles"), "A role does not exist");
        break;
      }
      case "start_flow": {
        const flow = await db.flow.findFirst({ where: { id: action.config.flowId, companyId }, select: { status: true } });
        if (!flow) add(at("flowId"), "The flow does not exist");
        else if (flow.status !== "PUBLISHED") add(at("flowId"), "The flow has no published version to start");
        for (const [key, spec] of Object.entries(action.config.data)) {
          if (spec.startsWith("=")) {
            if (!offersPath(env, spec.slice(1).trim())) add(at(`data.${key}`), `This event offers no field "${spec.slice(1).trim()}"`);
          } else unknown(at(`data.${key}`), spec);
        }
        if (action.config.initiator !== "actor" && !(await db.user.findFirst({ where: { id: action.config.initiator, companyId, isActive: true }, select: { id: true } }))) add(at("initiator"), "The user does not exist or is inactive");
        break;
      }
      case "create_row":
      case "update_row": {
        const table = await db.customTable.findFirst({ where: { id: action.config.tableId, companyId, archivedAt: null }, select: { schema: true } });
        if (!table) {
          add(at("tableId"), "The table does not exist");
          break;
        }
        const keys = new Set((ZTableSchema.safeParse(table.schema).data?.columns ?? []).map((column) => column.key));
        for (const [key, spec] of Object.entries(action.config.values)) {
          if (!keys.has(key)) add(at(`values.${key}`), `The table has no column "${key}"`);
          else if (spec.startsWith("=")) {
            if (!offersPath(env, spec.slice(1).trim())) add(at(`values.${key}`), `This event offers no field "${spec.slice(1).trim()}"`);
          } else unknown(at(`values.${key}`), spec);
        }
        if (action.type === "update_row" && !action.config.recordIdFrom) add(at("recordIdFrom"), "Say where the id of the record to update comes from");
        if (action.config.recordIdFrom && !offersPath(env, action.config.recordIdFrom) && action.config.recordIdFrom !== "event.entityId") add(at("recordIdFrom"), `This event offers no field "${action.config.recordIdFrom}"`);
        break;
      }
      case "call_webhook":
        if (action.config.body) unknown(at("body"), action.config.body);
        break;
      case "notify": {
        if (!action.config.userIds.length && !action.config.roleIds.length && !action.config.toActor) add(at("userIds"), "Choose who is notified");
        unknown(at("title"), action.config.title);
        unknown(at("body"), action.config.body);
        if (action.config.userIds.length && (await db.user.count({ where: { companyId, id: { in: action.config.userIds } } })) !== action.config.userIds.length) add(at("userIds"), "A user does not exist");
        if (action.config.roleIds.length && (await db.role.count({ where: { companyId, id: { in: action.config.roleIds } } })) !== action.config.roleIds.length) add(at("roleIds"), "A role does not exist");
        break;
      }
    }
  }
  return errors;
}
