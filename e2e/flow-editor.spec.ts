import { expect, test, type Page } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { createOtherCompany, idOf } from "./db";
import { signIn } from "./fixtures";

// The structured flow editor, as an admin would use it: create "Purchase request", add three levels
// and the 1,000 branch (seeing an ill-typed condition refused as it is typed and in the problems
// panel), publish v1, change it into v2 and read the diff. Then an employee starts it through the API
// and the manager finds it waiting at "Manager approval".

const level = (page: Page, number: number) => page.getByRole("listitem", { name: new RegExp(`^Level ${number}:`) });

async function waitUntilSaved(page: Page) {
  await expect(page.getByRole("status").filter({ hasText: /^All changes saved at/ })).toBeVisible();
}

test("an admin designs and publishes a flow; an employee's request is routed to their manager", async ({ page, browser }) => {
  await signIn(page, "admin@acme.com");
  await page.getByRole("link", { name: "Flows" }).click();
  await expect(page.getByRole("heading", { name: "Flows" })).toBeVisible();
  await page.getByLabel("Name").fill("Purchase request");
  await page.getByLabel("Description").fill("Buy what the team needs");
  await page.getByRole("button", { name: "Create flow" }).click();
  await page.waitForURL(/\/flows\/[0-9a-f-]+\/edit$/);
  const flowId = page.url().split("/").at(-2)!;
  // This spec drives the structured (list) editor; the canvas has its own (flow-canvas.spec.ts).
  await page.getByRole("link", { name: "List" }).click();
  await page.waitForURL(/\/edit\?view=list$/);
  await expect(page.getByText("The flow has no levels, so it has nowhere to start")).toBeVisible();

  // Level 1: the initiator fills the expense form.
  await page.getByRole("button", { name: "Add level" }).click();
  await expect(level(page, 1).getByLabel("Level name")).toBeFocused();
  await level(page, 1).getByLabel("Level name").fill("Request");
  await level(page, 1).getByLabel("Add", { exact: true }).selectOption({ label: "The initiator (fills the level's forms)" });
  await level(page, 1).getByRole("button", { name: "Add assignee" }).click();
  await level(page, 1).getByLabel("Add a form").selectOption({ label: "Expense Approval Form (v1)" });
  await level(page, 1).getByLabel("Submit (fill the forms)").check();
  await level(page, 1).getByLabel("Approve", { exact: true }).uncheck();
  await level(page, 1).getByLabel("Reject", { exact: true }).uncheck();

  // Level 2: the initiator's manager; level 3: the Finance role.
  await page.getByRole("button", { name: "Add level" }).click();
  await level(page, 2).getByLabel("Level name").fill("Manager approval");
  await level(page, 2).getByLabel("Add", { exact: true }).selectOption({ label: "Manager of the initiator" });
  await level(page, 2).getByRole("button", { name: "Add assignee" }).click();
  await page.getByRole("button", { name: "Add level" }).click();
  await expect(page.getByText('Level "Level 3" has no assignee')).toBeVisible();
  await level(page, 3).getByLabel("Level name").fill("Finance approval");
  await level(page, 3).getByLabel("Add", { exact: true }).selectOption({ label: "A role" });
  await level(page, 3).getByLabel("Role", { exact: true }).selectOption({ label: "Finance" });
  await level(page, 3).getByRole("button", { name: "Add assignee" }).click();
  await expect(page.getByRole("status").filter({ hasText: /ready to publish/ })).toBeVisible();

  // The 1,000 branch from the manager to finance: first an ill-typed condition, refused as typed.
  await level(page, 2).getByRole("button", { name: "Add branch from here" }).click();
  await page.getByLabel("Default (branch 1)").uncheck();
  const condition = page.getByLabel("Condition (branch 1)");
  await condition.fill('amount >= "x"');
  await expect(condition).toHaveAttribute("aria-invalid", "true");
  await expect(condition).toHaveAccessibleDescription(/Cannot compare number with string/);
  await condition.fill("amont >= 1000");
  await expect(condition).toHaveAccessibleDescription(/Unknown field "amont" \(did you mean "amount"\?\)/);
  // The same problem in the problems panel; choosing it brings you to the condition.
  const problem = page.getByRole("list", { name: "Problems" }).getByRole("button", { name: /Branch 1.*reads "amont"/ });
  await expect(problem).toBeVisible();
  await page.getByLabel("Level name").first().focus();
  await problem.click();
  await expect(condition).toBeFocused();
  await page.screenshot({ path: "test-results/screens/flow-editor-problem.png" });
  await condition.fill("amount >= 1000");
  await expect(condition).not.toHaveAttribute("aria-invalid");
  await expect(page.getByText("Means: Amount is at least 1,000")).toBeVisible();
  // Otherwise the request completes after the manager.
  await level(page, 2).getByRole("button", { name: "Add branch from here" }).click();
  await page.getByLabel("Goes to (branch 2)").selectOption({ label: "End: complete" });
  await expect(page.getByRole("status").filter({ hasText: /ready to publish/ })).toBeVisible();
  await waitUntilSaved(page);
  await expect(level(page, 2)).toContainText("Then: Finance approval when amount >= 1000; otherwise the flow completes");
  await page.screenshot({ path: "test-results/screens/flow-editor.png", fullPage: true });

  await page.getByRole("button", { name: "Publish…" }).click();
  await page.getByLabel("Change note").fill("First version");
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await page.waitForURL(new RegExp(`/flows/${flowId}$`));
  const history = page.getByRole("table").first();
  await expect(history.getByRole("row", { name: /v1 .*Published.*by Sarah Admin.*First version/ })).toBeVisible();

  // Version 2: finance from 5,000, and a due time there; the diff says so in words.
  await page.getByRole("button", { name: "Edit (new draft)" }).click();
  await page.waitForURL(/\/edit$/);
  await page.goto(`/flows/${flowId}/edit?view=list`);
  await page.getByLabel("Condition (branch 1)").fill("amount >= 5000");
  await level(page, 3).getByLabel("Due after (hours)").fill("48");
  await waitUntilSaved(page);
  // On a phone the editor fits the screen (the branches table scrolls inside its own box).
  await page.setViewportSize({ width: 390, height: 844 });
  const overflowing = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    // Toasts float above the page; what sits in a scroll box scrolls there.
    elements: [...document.querySelectorAll("body *")]
      .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 1 && !element.closest("[data-sonner-toaster]") && !element.parentElement?.closest(".overflow-x-auto"))
      .slice(0, 5)
      .map((element) => `${element.tagName}#${element.id}.${element.className}`.slice(0, 160)),
  }));
  expect(overflowing).toEqual({ scrollWidth: 390, elements: [] });
  await page.screenshot({ path: "test-results/screens/flow-editor-phone.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByRole("button", { name: "Publish…" }).click();
  await page.getByLabel("Change note").fill("Finance only from 5,000");
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await page.waitForURL(new RegExp(`/flows/${flowId}$`));
  const diff = page.getByLabel("Changes from version 1 to version 2");
  await expect(diff).toContainText("due time: none → 48 h");
  await expect(diff).toContainText("condition: amount >= 1000 → amount >= 5000");
  await page.screenshot({ path: "test-results/screens/flow-version-diff.png", fullPage: true });

  // The employee starts a request for 1,500 through the API; it waits for their manager.
  const employeeContext = await browser.newContext();
  const employee = await employeeContext.newPage();
  await signIn(employee, "employee@acme.com");
  const upload = await employee.request.post("/api/v1/files", { multipart: { file: { name: "receipt.png", mimeType: "image/png", buffer: await readFile("e2e/logo.png") } } });
  expect(upload.status()).toBe(201);
  const [receipt] = await upload.json();
  const started = await employee.request.post(`/api/v1/flows/${flowId}/instances`, { data: { data: { employee_name: "Emma Employee", amount: 1500, category: "travel", receipt: [receipt.id] } } });
  expect(started.status()).toBe(201);
  const instance = await started.json();
  expect(instance).toMatchObject({ status: "IN_PROGRESS", currentLevelName: "Manager approval" });
  await employeeContext.close();

  const managerContext = await browser.newContext();
  const manager = await managerContext.newPage();
  await signIn(manager, "manager@acme.com");
  const inbox = await manager.request.get("/api/v1/instances?view=inbox");
  expect(inbox.status()).toBe(200);
  const items = (await inbox.json()).data as { instanceId: string; flow: { name: string }; level: { name: string }; via: string }[];
  expect(items.find((item) => item.instanceId === instance.instanceId)).toMatchObject({ flow: { name: "Purchase request" }, level: { name: "Manager approval" } });
  await managerContext.close();
});

test("another company's admin can neither see nor change Acme's flows", async ({ page }) => {
  const other = await createOtherCompany(`fe-${Date.now().toString(36)}`);
  const acmeFlowId = await idOf(`SELECT f.id FROM flows f JOIN companies c ON c.id = f."companyId" WHERE c.slug = 'acme' AND f.name = 'Expense Approval Workflow'`, []);
  await signIn(page, other.adminEmail, other.adminPassword);
  await page.goto("/flows");
  await expect(page.getByRole("link", { name: "Other purchase flow" })).toBeVisible();
  await expect(page.getByText("Expense Approval Workflow")).toHaveCount(0);
  for (const path of [`/flows/${acmeFlowId}`, `/flows/${acmeFlowId}/edit`]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: "This page does not exist" })).toBeVisible();
  }
  const save = await page.request.put(`/api/v1/flows/${acmeFlowId}/draft`, { data: { revision: 1, definition: { schemaVersion: 1, levels: [], branches: [] } } });
  expect(save.status()).toBe(404);
  const publish = await page.request.post(`/api/v1/flows/${acmeFlowId}/publish`, { data: {} });
  expect(publish.status()).toBe(404);
});

test("two people editing one draft: the second save is refused with who saved when, nothing is overwritten", async ({ page, context }) => {
  await signIn(page, "admin@acme.com");
  const created = await page.request.post("/api/v1/flows", { data: { name: `Shared draft ${Date.now().toString(36)}` } });
  expect(created.status()).toBe(201);
  const { id } = await created.json();
  const other = await context.newPage(); // the same admin in a second tab
  await page.goto(`/flows/${id}/edit?view=list`);
  await other.goto(`/flows/${id}/edit?view=list`);

  await page.getByRole("button", { name: "Add level" }).click();
  await level(page, 1).getByLabel("Level name").fill("First tab's level");
  await waitUntilSaved(page);

  await other.getByRole("button", { name: "Add level" }).click();
  const alert = other.getByRole("alert").filter({ hasText: /Not saved: Sarah Admin saved this flow at \d\d:\d\d UTC; reload to see their changes\./ });
  await expect(alert).toBeVisible();
  await other.screenshot({ path: "test-results/screens/flow-editor-conflict.png" });
  await alert.getByRole("button", { name: "Reload the latest draft" }).click();
  await expect(level(other, 1).getByLabel("Level name")).toHaveValue("First tab's level");
  await expect(other.getByRole("listitem", { name: /^Level 2:/ })).toHaveCount(0);
});
