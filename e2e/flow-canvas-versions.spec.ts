import { expect, test, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { mkdir } from "node:fs/promises";
import { createOtherCompany, idOf, withDb } from "./db";
import { signIn } from "./fixtures";

// Version history on the canvas: v1 of a flow is published and a draft v2 adds a level and raises the
// finance threshold (both set up through the API). The designer opens v1 on the canvas from the
// history table — read-only: nothing moves, connects or gets deleted — selects a branch to read its
// settings, then compares with the draft and sees the new level in green, the changed branch in
// amber, the legend and the changes in words.

const SHOTS = "/tmp/shots";
const levelNode = (page: Page, name: string) => page.getByRole("group", { name: new RegExp(`^Level \\d+: ${name}`) });

function level(name: string, order: number, extra: Record<string, unknown>) {
  return { id: randomUUID(), name, order, approvalMode: "ANY", requiredApprovals: 1, allowedActions: ["approve", "reject"], allowSelfApproval: false, assignees: [], taskVersionIds: [], ...extra };
}
const branch = (fromLevelId: string, to: string | "COMPLETE", condition: string | null, priority: number) => ({
  id: randomUUID(),
  name: "",
  fromLevelId,
  target: to === "COMPLETE" ? "COMPLETE" : "LEVEL",
  toLevelId: to === "COMPLETE" ? null : to,
  condition,
  isDefault: condition === null,
  priority,
});

test.use({ viewport: { width: 1600, height: 1000 } });

test("a published version on the canvas is read-only, and its diff with the draft is drawn in colour with the changes in words", async ({ page }) => {
  test.setTimeout(120_000);
  await mkdir(SHOTS, { recursive: true });
  const [formVersionId, financeRoleId] = await Promise.all([
    idOf(`SELECT v.id FROM task_versions v JOIN tasks t ON t.id = v."taskId" JOIN companies c ON c.id = t."companyId" WHERE c.slug = 'acme' AND t.name = 'Expense Approval Form' AND v.state = 'PUBLISHED' ORDER BY v.number DESC LIMIT 1`, []),
    idOf(`SELECT r.id FROM roles r JOIN companies c ON c.id = r."companyId" WHERE c.slug = 'acme' AND r.name = 'Finance'`, []),
  ]);
  await signIn(page, "admin@acme.com");
  const flowName = `Versions on canvas ${Date.now().toString(36)}`;
  const created = await page.request.post("/api/v1/flows", { data: { name: flowName } });
  expect(created.status()).toBe(201);
  const flowId = (await created.json()).id as string;

  // v1: request → manager → (amount ≥ 1,000) finance, otherwise done.
  const request = level("Request", 1, { allowedActions: ["submit"], assignees: [{ kind: "INITIATOR" }], taskVersionIds: [formVersionId] });
  const manager = level("Manager approval", 2, { assignees: [{ kind: "INITIATOR_MANAGER" }] });
  const finance = level("Finance approval", 3, { assignees: [{ kind: "ROLE", roleId: financeRoleId }] });
  const v1 = {
    schemaVersion: 1,
    levels: [request, manager, finance],
    branches: [branch(request.id, manager.id, null, 0), branch(manager.id, finance.id, "amount >= 1000", 0), branch(manager.id, "COMPLETE", null, 1), branch(finance.id, "COMPLETE", null, 0)],
  };
  expect((await page.request.put(`/api/v1/flows/${flowId}/draft`, { data: { revision: 1, definition: v1 } })).status()).toBe(200);
  expect((await page.request.post(`/api/v1/flows/${flowId}/publish`, { data: { changeNote: "First version" } })).status()).toBe(200);

  // v2, a draft made the way a designer makes one; then saved with Audit added after finance and 5,000 for finance.
  await page.goto(`/flows/${flowId}`);
  await page.getByRole("button", { name: "Edit (new draft)" }).click();
  await page.waitForURL(/\/edit$/);
  await page.goto(`/flows/${flowId}`); // leave the editor before writing the draft behind its back
  const { draftIds, revision } = await withDb(async (client) => {
    const rows = await client.query<{ id: string; name: string; revision: number }>(
      `SELECT l.id, l.name, v.revision FROM flow_levels l JOIN flow_versions v ON v.id = l."flowVersionId" WHERE v."flowId" = $1 AND v.state = 'DRAFT'`,
      [flowId],
    );
    return { draftIds: new Map(rows.rows.map((row) => [row.name, row.id])), revision: rows.rows[0]!.revision };
  });
  const audit = level("Audit", 4, { assignees: [{ kind: "ROLE", roleId: financeRoleId }] });
  const idOfLevel = (name: string) => draftIds.get(name)!;
  const v2 = {
    schemaVersion: 1,
    levels: [request, manager, finance].map((item) => ({ ...item, id: idOfLevel(item.name) })).concat([audit]),
    branches: [
      branch(idOfLevel("Request"), idOfLevel("Manager approval"), null, 0),
      branch(idOfLevel("Manager approval"), idOfLevel("Finance approval"), "amount >= 5000", 0),
      branch(idOfLevel("Manager approval"), "COMPLETE", null, 1),
      branch(idOfLevel("Finance approval"), audit.id, null, 0),
      branch(audit.id, "COMPLETE", null, 0),
    ],
  };
  expect((await page.request.put(`/api/v1/flows/${flowId}/draft`, { data: { revision, definition: v2 } })).status()).toBe(200);

  // v1 from the version history, on the canvas.
  await page.goto(`/flows/${flowId}`);
  await page.getByRole("link", { name: "View v1 on the canvas" }).click();
  await page.waitForURL(new RegExp(`/flows/${flowId}/versions/1$`));
  await expect(page.getByRole("heading", { name: `${flowName}: v1` })).toBeVisible();
  const canvas = page.getByTestId("version-canvas");
  await expect(levelNode(page, "Finance approval")).toBeVisible();
  await expect(levelNode(page, "Audit")).toHaveCount(0);
  await expect(canvas.getByText("Palette")).toHaveCount(0);

  // Read-only: a node does not move when dragged, Delete removes nothing, no branch can be drawn.
  const node = levelNode(page, "Manager approval");
  const placed = () => node.evaluate((element) => (element as HTMLElement).style.transform);
  const before = await placed();
  const box = (await node.boundingBox())!;
  await page.mouse.move(box.x + 60, box.y + 12);
  await page.mouse.down();
  await page.mouse.move(box.x + 260, box.y + 80, { steps: 8 });
  await page.mouse.up();
  expect(await placed()).toBe(before);
  await node.click();
  await page.keyboard.press("Delete");
  await expect(node).toBeVisible();
  const panel = page.getByRole("region", { name: "Level 2: Manager approval" });
  await expect(panel).toContainText("Read-only");
  await expect(panel).toContainText("Manager of the initiator");
  await expect(panel.getByRole("textbox")).toHaveCount(0);
  await expect(panel.getByRole("combobox")).toHaveCount(0);
  await expect(page.locator(".react-flow__handle.connectable")).toHaveCount(0);

  // Selecting a branch shows its condition in words.
  // Keyboard, as React Flow offers it: focus the edge, Enter selects it.
  await page.getByRole("group", { name: /^Branch from Manager approval to Finance approval/ }).focus();
  await page.keyboard.press("Enter");
  const branchPanel = page.getByRole("region", { name: "Branch from Manager approval" });
  await expect(branchPanel).toContainText("Amount is at least 1,000");
  await page.screenshot({ path: `${SHOTS}/version-canvas-readonly.png` });

  // Compare with the draft: Audit added (green), the finance branch changed (amber), the legend and the words.
  await page.getByLabel("Compare v1 with").selectOption({ label: "the current draft (v2)" });
  await page.getByRole("button", { name: "Compare", exact: true }).click();
  await page.waitForURL(/compare=draft$/);
  await expect(page.getByRole("heading", { name: `${flowName}: v1 → v2` })).toBeVisible();
  const added = levelNode(page, "Audit \\(added\\)");
  await expect(added).toBeVisible();
  await expect(added.locator("div").first()).toHaveClass(/border-green-600/);
  await expect(added).toContainText("Added");
  await expect(levelNode(page, "Manager approval$")).toBeVisible(); // unchanged: no status in its name
  const changed = page.getByRole("group", { name: /^Branch from Manager approval to Finance approval: .*\(changed\)$/ });
  // Attached, not "visible": a straight vertical edge has a zero-width box, which Playwright calls hidden.
  await expect(changed).toBeAttached();
  await expect(changed.locator("path.react-flow__edge-path")).toHaveAttribute("style", /stroke: (rgb\(217, 119, 6\)|#d97706)/);
  // (Audit sits right under finance, so that edge is short: attached and green is what counts.)
  await expect(page.getByRole("group", { name: /^Branch from Finance approval to Audit: .*\(added\)$/ }).locator("path.react-flow__edge-path")).toHaveAttribute("style", /stroke: (rgb\(22, 163, 74\)|#16a34a)/);
  await expect(page.getByRole("group", { name: /^Branch from Finance approval to End: Completed: .*\(removed\)$/ }).locator("path.react-flow__edge-path")).toHaveAttribute("style", /stroke-dasharray: 6(px)?,? 4/);
  await expect(page.getByRole("region", { name: "Legend" })).toContainText("Added");
  const words = page.getByLabel("Changes from version 1 to version 2");
  await expect(words).toContainText("+ Audit");
  await expect(words).toContainText("condition: amount >= 1000 → amount >= 5000");
  await changed.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("region", { name: "Branch from Manager approval" })).toContainText("Read-only (changed)");
  await expect(page.getByRole("region", { name: "Branch from Manager approval" })).toContainText("Amount is at least 5,000");
  await page.getByRole("button", { name: "Fit View" }).click();
  await page.screenshot({ path: `${SHOTS}/version-canvas-diff.png` });
});

test("another company's admin cannot open Acme's flow versions on the canvas", async ({ page }) => {
  const other = await createOtherCompany(`fcv-${Date.now().toString(36)}`);
  const acmeFlowId = await idOf(`SELECT f.id FROM flows f JOIN companies c ON c.id = f."companyId" WHERE c.slug = 'acme' AND f.name = 'Expense Approval Workflow'`, []);
  await signIn(page, other.adminEmail, other.adminPassword);
  for (const path of [`/flows/${acmeFlowId}/versions/1`, `/flows/${acmeFlowId}/versions/1?compare=draft`, `/flows/${other.flowId}/versions/1`]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: "This page does not exist" })).toBeVisible();
  }
});
