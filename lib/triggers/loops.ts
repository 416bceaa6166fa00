// Static analysis of the trigger graph, for the warning shown when a trigger is saved: trigger A
// "feeds" trigger B when one of A's actions causes an event B listens to (a row written into B's
// table, a flow B watches started). A cycle through the saved trigger means its actions can make it
// fire again; at run time the causation depth limit stops such a loop, but it is rarely intended.
import type { TTriggerAction } from "./definition";

export type TTriggerNode = {
  id: string;
  name: string;
  eventType: string;
  taskId: string | null;
  flowId: string | null;
  tableId: string | null;
  actions: readonly TTriggerAction[];
};

/** The events an action can cause, as (event type, scope) pairs. */
function causes(action: TTriggerAction, flowTasks: ReadonlyMap<string, readonly string[]>): { eventType: string; flowId?: string; tableId?: string; taskId?: string }[] {
  switch (action.type) {
    case "create_row":
      return [{ eventType: "DATABASE_ROW_CREATED", tableId: action.config.tableId }];
    case "update_row":
      return [{ eventType: "DATABASE_ROW_UPDATED", tableId: action.config.tableId }];
    case "start_flow":
      return [
        { eventType: "FLOW_STARTED", flowId: action.config.flowId },
        { eventType: "FLOW_COMPLETED", flowId: action.config.flowId },
        { eventType: "TASK_STARTED", flowId: action.config.flowId },
        { eventType: "FIELD_CHANGED", flowId: action.config.flowId },
        ...["TASK_COMPLETED", "TASK_STARTED", "TASK_UPDATED"].flatMap((eventType) => [
          { eventType, flowId: action.config.flowId },
          ...(flowTasks.get(action.config.flowId) ?? []).map((taskId) => ({ eventType, taskId })),
        ]),
      ];
    default:
      return [];
  }
}

function listens(trigger: TTriggerNode, event: { eventType: string; flowId?: string; tableId?: string; taskId?: string }): boolean {
  if (trigger.eventType !== event.eventType) return false;
  if (trigger.tableId && trigger.tableId !== event.tableId) return false;
  if (trigger.flowId && event.flowId && trigger.flowId !== event.flowId) return false;
  if (trigger.flowId && !event.flowId) return false;
  if (trigger.taskId && trigger.taskId !== event.taskId) return false;
  return true;
}

/**
 * The cycles through `start` (as trigger names, `start` first and last), e.g. ["A", "B", "A"].
 * `flowTasks` maps a flow to the forms of its published version (a flow start fires their events).
 */
export function loopsThrough(start: TTriggerNode, others: readonly TTriggerNode[], flowTasks: ReadonlyMap<string, readonly string[]> = new Map()): string[][] {
  const all = [start, ...others.filter((node) => node.id !== start.id)];
  const feeds = new Map(all.map((node) => [node.id, all.filter((target) => node.actions.some((action) => causes(action, flowTasks).some((event) => listens(target, event))))]));
  const found: string[][] = [];
  const walk = (node: TTriggerNode, path: TTriggerNode[]) => {
    for (const next of feeds.get(node.id) ?? []) {
      if (next.id === start.id) found.push([...path, next].map((entry) => entry.name));
      else if (!path.some((entry) => entry.id === next.id) && path.length < 10) walk(next, [...path, next]);
    }
  };
  walk(start, [start]);
  return found;
}
