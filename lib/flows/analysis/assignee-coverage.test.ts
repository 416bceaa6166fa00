import { describe, expect, it } from "vitest";
import type { TFlowDefinition } from "@/lib/flows/definition";
import { checkOptionsFor } from "@/lib/flows/editor/fields";
import { updateLevel } from "@/lib/flows/editor/operations";
import { checkDraft } from "@/lib/flows/editor/problems";
import { DEMO_FLOW, EXPENSE_FIELDS, IDS } from "@/lib/flows/engine/test-fixtures";
import { assigneeCoverage, type OrgSnapshot } from "./assignee-coverage";

const person = (id: string, name: string, extra: Partial<OrgSnapshot["users"][number]> = {}) => ({ id, name, roleIds: [], departmentId: null, managerId: null, ...extra });
const ORG: OrgSnapshot = {
  users: [
    person("mark", "Mark Manager", { roleIds: [IDS.managerRole] }),
    person("emma", "Emma Employee", { managerId: "mark", departmentId: "sales" }),
    person("fiona", "Fiona Finance", { roleIds: [IDS.financeRole], managerId: "mark" }),
    person("felix", "Felix Finance", { roleIds: [IDS.financeRole], managerId: "mark" }),
  ],
  roleNames: { [IDS.managerRole]: "Manager", [IDS.financeRole]: "Finance", auditors: "Auditors" },
  departmentNames: { sales: "Sales", ops: "Operations" },
  inactiveUserNames: { olga: "Olga Oldtimer" },
};
const without = (ids: string[]): OrgSnapshot => ({ ...ORG, users: ORG.users.filter((user) => !ids.includes(user.id)) });
const coverage = (definition: TFlowDefinition, org = ORG) => assigneeCoverage(definition, org).map((p) => [p.code, p.severity, p.message]);

describe("assignee coverage", () => {
  it("finds the demo flow covered, except for Mark: no manager, and the only Manager himself", () => {
    expect(coverage(DEMO_FLOW)).toEqual([
      ["ASSIGNEE_NO_MANAGER", "warning", `"Manager Review" goes to the initiator's manager, but 1 person has no active manager (Mark Manager): only the level's other assignees get their requests.`],
      ["ASSIGNEE_ONLY_INITIATOR", "warning", `"Manager Review": if Mark Manager starts a request, nobody else can approve it — Mark Manager is its only eligible approver and self-approval is off.`],
    ]);
  });

  it("is an error when a level reaches no active person", () => {
    expect(coverage(DEMO_FLOW, without(["fiona", "felix"]))).toContainEqual(["ASSIGNEE_NONE", "error", `"Finance Approval": role Finance has no active members, so no one could act on it.`]);
    const inactive = updateLevel(DEMO_FLOW, IDS.finance, { assignees: [{ kind: "USER", userId: "olga" }, { kind: "DEPARTMENT", departmentId: "ops" }] });
    expect(coverage(inactive)).toContainEqual(["ASSIGNEE_NONE", "error", `"Finance Approval": Olga Oldtimer is not an active user; department Operations has no active members, so no one could act on it.`]);
  });

  it("warns when the only eligible approver could be the initiator", () => {
    expect(coverage(DEMO_FLOW, without(["felix"]))).toContainEqual([
      "ASSIGNEE_ONLY_INITIATOR",
      "warning",
      `"Finance Approval": if Fiona Finance starts a request, nobody else can approve it — Fiona Finance is its only eligible approver and self-approval is off.`,
    ]);
    const selfOk = updateLevel(DEMO_FLOW, IDS.finance, { allowSelfApproval: true });
    const onFinance = assigneeCoverage(selfOk, without(["felix"])).filter((p) => p.levelId === IDS.finance);
    expect(onFinance).toEqual([]);
  });

  it("counts the initiator's manager as another approver, and names people without one", () => {
    const managerOnly = updateLevel(DEMO_FLOW, IDS.manager, { assignees: [{ kind: "INITIATOR_MANAGER" }] });
    expect(coverage(managerOnly)).toEqual([
      ["ASSIGNEE_NO_MANAGER", "warning", `"Manager Review" goes to the initiator's manager, but 1 person has no active manager (Mark Manager): their requests would reach no one at this level.`],
    ]);
    expect(coverage(managerOnly, without(["mark"]))[0]).toEqual(["ASSIGNEE_NONE", "error", `"Manager Review": nobody has an active manager, so no one could act on it.`]);
  });

  it("refuses an 'at least' level that needs more approvals than people can give", () => {
    const three = updateLevel(DEMO_FLOW, IDS.finance, { approvalMode: "AT_LEAST", requiredApprovals: 3 });
    expect(coverage(three)).toContainEqual(["ASSIGNEE_TOO_FEW", "error", `"Finance Approval" needs 3 approvals but only 2 active people can approve it.`]);
  });

  it("is part of checkDraft when the organisation is given, located on the assignees", () => {
    const forms = new Map([[IDS.expenseForm, { fields: EXPENSE_FIELDS }]]);
    const problems = checkDraft(DEMO_FLOW, { ...checkOptionsFor(DEMO_FLOW, forms), org: without(["fiona", "felix"]) });
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ["ASSIGNEE_NO_MANAGER", "levels[1].assignees"],
      ["ASSIGNEE_ONLY_INITIATOR", "levels[1].assignees"],
      ["ASSIGNEE_NONE", "levels[2].assignees"],
    ]);
  });
});
