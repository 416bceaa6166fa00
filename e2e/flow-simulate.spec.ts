import { randomUUID } from "node:crypto";
import { mkdir } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { createOtherCompany } from "./db";
import { purchaseFlow } from "./flow-design";
import { signIn } from "./fixtures";

// Simulation and golden cases in the structured flow editor, as a designer uses them: simulate the
// purchase flow for 12,000 and 500 and read why each branch was taken, save both as golden cases,
// raise the finance threshold, and find publishing blocked by the case whose route changed until
// the change is accepted.


async function simulateAmount(page: Page, amount: string) {
  const panel = page.getByRole("region", { name: "Simulation" });
  await panel.getByRole("button", { name: "Generate" }).click();
  await panel.getByLabel("Amount", { exact: true }).fill(amount);
  await panel.getByRole("button", { name: "Start simulation" }).click();
  await expect(panel.getByRole("status")).toHaveText("Waiting at Request");
  await panel.getByRole("button", { name: "Submit" }).click();
  await expect(panel.getByRole("status")).toHaveText("Waiting at Manager approval");
  await panel.getByRole("button", { name: "Approve", exact: true }).click();
  return panel;
}

test("simulate both amounts, keep them as golden cases, and publish a changed route only once accepted", async ({ page }) => {
  await mkdir("/tmp/shots", { recursive: true });
  await signIn(page, "admin@acme.com");
  const flowId = await purchaseFlow(page);
  // The list view of the editor (or the only view, before the canvas lands).
  await page.goto(`/flows/${flowId}/edit?view=list`);
  await page.getByRole("button", { name: "Simulate" }).click();

  // 12,000: the manager's decision goes on to finance, and says why.
  let panel = await simulateAmount(page, "12000");
  await expect(panel.getByRole("list", { name: "Path taken" })).toContainText("Amount 12,000 ≥ 1,000 → Finance approval");
  await expect(panel.getByRole("status")).toHaveText("Waiting at Finance approval");
  await panel.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(panel.getByRole("status")).toHaveText("Completed");
  // The sidebar scrolls on its own: show the path and the end of the simulation in it.
  await panel.getByRole("status").scrollIntoViewIfNeeded();
  await page.getByRole("complementary", { name: "Draft status" }).screenshot({ path: "/tmp/shots/simulation-panel.png" });
  await page.screenshot({ path: "/tmp/shots/simulation-editor.png" });
  await panel.getByLabel("Golden case name").fill("12,000 goes to finance");
  await panel.getByRole("button", { name: "Save as golden case" }).click();
  const cases = page.getByRole("list", { name: "Golden cases" });
  await expect(cases.getByRole("listitem", { name: "12,000 goes to finance" })).toBeVisible();

  // 500: the default branch completes the request after the manager.
  await panel.getByRole("button", { name: "Reset" }).click();
  panel = await simulateAmount(page, "500");
  await expect(panel.getByRole("list", { name: "Path taken" })).toContainText("Amount 500 ≥ 1,000: no; default → Completed");
  await expect(panel.getByRole("status")).toHaveText("Completed");
  await panel.getByLabel("Golden case name").fill("500 stops at the manager");
  await panel.getByRole("button", { name: "Save as golden case" }).click();
  await expect(cases.getByRole("listitem", { name: "500 stops at the manager" })).toBeVisible();
  await page.getByRole("button", { name: "Run all" }).click();
  await expect(page.getByText("All 2 take their expected route.")).toBeVisible();

  // Finance only from 20,000: the 12,000 case changes route, the 500 one does not.
  await page.getByLabel("Condition (branch 1)").fill("amount >= 20000");
  await expect(page.getByRole("status").filter({ hasText: /^All changes saved at/ })).toBeVisible();
  await expect(page.getByText("1 of 2 take another route with this draft.")).toBeVisible();
  const changed = cases.getByRole("listitem", { name: "12,000 goes to finance" });
  await expect(changed).toContainText("Changed");
  await expect(changed).toContainText("Request (approved) → Manager approval (approved) → Completed");
  await expect(cases.getByRole("listitem", { name: "500 stops at the manager" })).toContainText("Passes");
  await page.getByRole("region", { name: "Golden cases" }).screenshot({ path: "/tmp/shots/golden-cases-changed.png" });

  await page.getByRole("button", { name: "Publish…" }).click();
  await page.getByLabel("Change note").fill("Finance only from 20,000");
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Publish this version" });
  await expect(dialog.getByText("1 golden case takes another route with this draft; accept the route changes to publish anyway.")).toBeVisible();
  const listed = dialog.getByRole("list", { name: "Changed golden cases" });
  await expect(listed).toContainText("12,000 goes to finance");
  await expect(listed).toContainText("Expected: Request (approved) → Manager approval (approved) → Finance approval (approved) → Completed");
  await expect(listed).toContainText("Now: Request (approved) → Manager approval (approved) → Completed");
  await dialog.screenshot({ path: "/tmp/shots/publish-blocked-golden.png" });
  await dialog.getByLabel("I accept these route changes").check();
  await dialog.getByRole("button", { name: "Publish", exact: true }).click();
  await page.waitForURL(new RegExp(`/flows/${flowId}$`));
  await expect(page.getByRole("table").first()).toContainText('Accepted route changes of golden case "12,000 goes to finance".');
});

test("another company's admin can neither read nor change a flow's golden cases", async ({ page, browser }) => {
  await signIn(page, "admin@acme.com");
  const flowId = await purchaseFlow(page);
  const expected = { steps: [{ levelId: randomUUID(), levelName: "Request", outcome: "approve" }], status: "COMPLETED" };
  const created = await page.request.post(`/api/v1/flows/${flowId}/golden-cases`, { data: { name: "Acme's case", data: { amount: 500 }, expected } });
  expect(created.status()).toBe(201);
  const { id: caseId } = await created.json();

  const other = await createOtherCompany(`gc-${Date.now().toString(36)}`);
  const stranger = await (await browser.newContext()).newPage();
  await signIn(stranger, other.adminEmail, other.adminPassword);
  const path = `/api/v1/flows/${flowId}/golden-cases`;
  expect((await stranger.request.get(path)).status()).toBe(404);
  expect((await stranger.request.post(path, { data: { name: "Mine", data: {}, expected } })).status()).toBe(404);
  expect((await stranger.request.put(`${path}/${caseId}`, { data: { name: "Mine" } })).status()).toBe(404);
  expect((await stranger.request.delete(`${path}/${caseId}`)).status()).toBe(404);
  const still = await page.request.get(path);
  expect((await still.json()).data.map((item: { name: string }) => item.name)).toEqual(["Acme's case"]);
});
