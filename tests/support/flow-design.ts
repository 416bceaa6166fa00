// Builders for flow-design tests: the "Purchase request" flow of the editor's journey as a definition
// over the demo company's roles and expense form.
import { FLOW_SCHEMA_VERSION, type TFlowBranch, type TFlowDefinition, type TFlowLevel } from "@/lib/flows/definition";
import { newId } from "@/lib/flows/editor/new-id";

const level = (order: number, name: string, settings: Partial<TFlowLevel>): TFlowLevel => ({
  id: newId(),
  name,
  order,
  approvalMode: "ANY",
  requiredApprovals: 1,
  allowedActions: ["approve", "reject"],
  allowSelfApproval: false,
  assignees: [],
  taskVersionIds: [],
  ...settings,
});

const branch = (from: TFlowLevel, to: TFlowLevel | "COMPLETE", priority: number, condition: string | null): TFlowBranch => ({
  id: newId(),
  name: "",
  fromLevelId: from.id,
  target: to === "COMPLETE" ? "COMPLETE" : "LEVEL",
  toLevelId: to === "COMPLETE" ? null : to.id,
  condition,
  isDefault: condition === null,
  priority,
});

/** Request (initiator fills the expense form) → Manager approval → Finance approval when amount ≥ 1,000. */
export function purchaseRequest(input: { expenseFormVersionId: string; financeRoleId: string; condition?: string }): TFlowDefinition {
  const request = level(1, "Request", { allowedActions: ["submit"], assignees: [{ kind: "INITIATOR" }], taskVersionIds: [input.expenseFormVersionId] });
  const manager = level(2, "Manager approval", { assignees: [{ kind: "INITIATOR_MANAGER" }] });
  const finance = level(3, "Finance approval", { assignees: [{ kind: "ROLE", roleId: input.financeRoleId }] });
  return {
    schemaVersion: FLOW_SCHEMA_VERSION,
    levels: [request, manager, finance],
    branches: [branch(manager, finance, 0, input.condition ?? "amount >= 1000"), branch(manager, "COMPLETE", 1, null)],
  };
}
