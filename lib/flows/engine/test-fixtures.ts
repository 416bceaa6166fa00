// Fixtures for the engine's tests: the seed's expense flow (as Prisma-shaped rows and as a
// definition), its people, and a helper that applies a script of events.
import { t, type TypeEnv } from "@/lib/expressions/types";
import { toFlowDefinition, type FlowVersionRows, type TFlowDefinition } from "../definition";
import { advance, initialState } from "./advance";
import type { Actor, AdvanceContext, AdvanceResult, Effect, FlowEvent, FlowState } from "./types";

export const IDS = {
  submission: "level-submission",
  manager: "level-manager",
  finance: "level-finance",
  managerRole: "role-manager",
  financeRole: "role-finance",
  expenseForm: "task-version-expense",
} as const;

/** lib/seed/demo.ts's "Expense Approval Workflow", as lib/flows/queries.ts selects it. */
export const DEMO_ROWS: FlowVersionRows = {
  levels: [
    {
      id: IDS.submission,
      name: "Employee Submission",
      order: 1,
      approvalMode: "ANY",
      requiredApprovals: 1,
      config: { allowedActions: ["submit"] },
      assignees: [{ kind: "INITIATOR", roleId: null, departmentId: null, userId: null }],
      tasks: [{ taskVersionId: IDS.expenseForm, order: 1 }],
      outgoingBranches: [{ id: "b-to-manager", name: "To manager", target: "LEVEL", toLevelId: IDS.manager, condition: null, isDefault: true, priority: 0 }],
    },
    {
      id: IDS.manager,
      name: "Manager Review",
      order: 2,
      approvalMode: "ANY",
      requiredApprovals: 1,
      config: { allowedActions: ["approve", "reject", "send_back"], dueInHours: 48 },
      assignees: [
        { kind: "ROLE", roleId: IDS.managerRole, departmentId: null, userId: null },
        { kind: "INITIATOR_MANAGER", roleId: null, departmentId: null, userId: null },
      ],
      tasks: [],
      outgoingBranches: [
        { id: "b-finance", name: "Finance review (≥ 1,000)", target: "LEVEL", toLevelId: IDS.finance, condition: { source: "amount >= 1000" }, isDefault: false, priority: 0 },
        { id: "b-small", name: "Under 1,000: done", target: "COMPLETE", toLevelId: null, condition: null, isDefault: true, priority: 1 },
      ],
    },
    {
      id: IDS.finance,
      name: "Finance Approval",
      order: 3,
      approvalMode: "ANY",
      requiredApprovals: 1,
      config: { allowedActions: ["approve", "reject", "send_back"], dueInHours: 72 },
      assignees: [{ kind: "ROLE", roleId: IDS.financeRole, departmentId: null, userId: null }],
      tasks: [],
      outgoingBranches: [{ id: "b-approved", name: "Approved", target: "COMPLETE", toLevelId: null, condition: null, isDefault: true, priority: 0 }],
    },
  ],
};

function demoDefinition(): TFlowDefinition {
  const mapped = toFlowDefinition(DEMO_ROWS);
  if (!mapped.ok) throw new Error(`demo rows must map: ${JSON.stringify(mapped.problems)}`);
  return mapped.definition;
}
export const DEMO_FLOW: TFlowDefinition = demoDefinition();

/** The fields of the expense form (filled at the submission level). */
export const EXPENSE_FIELDS: TypeEnv = {
  employee_name: t.string,
  amount: t.number,
  category: t.options(["travel", "office_supplies", "equipment"]),
};

const actor = (userId: string, extra: { roles?: string[]; department?: string; isInitiatorManager?: boolean; isAdmin?: boolean } = {}): Actor => ({
  userId,
  principals: [`u:${userId}`, ...(extra.roles ?? []).map((role) => `r:${role}`), ...(extra.department ? [`d:${extra.department}`] : [])],
  isInitiatorManager: extra.isInitiatorManager ?? false,
  isAdmin: extra.isAdmin ?? false,
});

export const PEOPLE = {
  employee: actor("emma", { department: "sales" }),
  manager: actor("mark", { roles: [IDS.managerRole], department: "sales", isInitiatorManager: true }),
  otherManager: actor("mia", { roles: [IDS.managerRole], department: "ops" }),
  finance: actor("fiona", { roles: [IDS.financeRole], department: "finance" }),
  finance2: actor("felix", { roles: [IDS.financeRole], department: "finance" }),
  admin: actor("ada", { isAdmin: true }),
  outsider: actor("oscar", { department: "ops" }),
  /** An employee who is also a manager: their own request reaches a level they hold. */
  managerEmployee: actor("max", { roles: [IDS.managerRole], department: "sales" }),
} as const;

export const DEMO_CONTEXT: AdvanceContext = { initiatorManagerId: "mark", fieldTypes: EXPENSE_FIELDS };

export const at = (minute: number) => new Date(Date.UTC(2026, 0, 5, 9, minute)).toISOString();

/** Applies events in order; throws on a refusal unless the step is expected to fail (then it stops). */
export function runScript(definition: TFlowDefinition, events: FlowEvent[], context: AdvanceContext = DEMO_CONTEXT, from: FlowState = initialState()) {
  let state = from;
  const results: AdvanceResult[] = [];
  const effects: Effect[] = [];
  for (const event of events) {
    const result = advance(definition, state, event, context);
    results.push(result);
    if (!result.ok) throw new Error(`${event.type} refused: ${result.error.code} ${result.error.message}`);
    state = result.state;
    effects.push(...result.effects);
  }
  return { state, results, effects };
}

export const effectsOf = <T extends Effect["type"]>(effects: readonly Effect[], type: T) => effects.filter((effect): effect is Extract<Effect, { type: T }> => effect.type === type);
