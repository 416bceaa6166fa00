import { randomUUID } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import { idOf } from "./db";

// Flow drafts for the designer specs, made through the API as the signed-in page's user.

/** A draft "Simulated purchase …": Request (expense form) → Manager approval → Finance approval when amount ≥ 1,000. */
export async function purchaseFlow(page: Page): Promise<string> {
  const formVersionId = await idOf(
    `SELECT tv.id FROM task_versions tv JOIN tasks t ON t.id = tv."taskId" JOIN companies c ON c.id = t."companyId" WHERE c.slug = 'acme' AND t.name = 'Expense Approval Form' AND tv.state = 'PUBLISHED' ORDER BY tv.number DESC LIMIT 1`,
    [],
  );
  const financeRoleId = await idOf(`SELECT r.id FROM roles r JOIN companies c ON c.id = r."companyId" WHERE c.slug = 'acme' AND r.name = 'Finance'`, []);
  const [request, manager, finance] = [randomUUID(), randomUUID(), randomUUID()];
  const level = (id: string, order: number, name: string, extra: object) => ({ id, order, name, approvalMode: "ANY", requiredApprovals: 1, allowedActions: ["approve", "reject", "send_back"], allowSelfApproval: false, assignees: [], taskVersionIds: [], ...extra });
  const definition = {
    schemaVersion: 1,
    levels: [
      level(request, 1, "Request", { allowedActions: ["submit"], assignees: [{ kind: "INITIATOR" }], taskVersionIds: [formVersionId] }),
      level(manager, 2, "Manager approval", { assignees: [{ kind: "INITIATOR_MANAGER" }] }),
      level(finance, 3, "Finance approval", { assignees: [{ kind: "ROLE", roleId: financeRoleId }] }),
    ],
    branches: [
      { id: randomUUID(), name: "", fromLevelId: manager, target: "LEVEL", toLevelId: finance, condition: "amount >= 1000", isDefault: false, priority: 0 },
      { id: randomUUID(), name: "", fromLevelId: manager, target: "COMPLETE", toLevelId: null, condition: null, isDefault: true, priority: 1 },
    ],
  };
  const created = await page.request.post("/api/v1/flows", { data: { name: `Simulated purchase ${Date.now().toString(36)}` } });
  expect(created.status()).toBe(201);
  const { id } = await created.json();
  expect((await page.request.put(`/api/v1/flows/${id}/draft`, { data: { revision: 1, definition } })).status()).toBe(200);
  return id;
}
