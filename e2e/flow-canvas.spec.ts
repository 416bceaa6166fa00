import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { mkdir } from "node:fs/promises";
import { signIn } from "./fixtures";

// The canvas designer, as a new designer would use it with the mouse: draw the seed's expense flow
// from an empty canvas (three levels dragged from the palette, branches drawn handle to handle, the
// 1,000 rule built in the condition editor), fix a problem the panel shows by clicking it, check
// delete + undo, copy/paste and that positions survive a reload, publish, and see an employee's
// request reach the manager's inbox.

const SHOTS = "/tmp/shots";
const levelNode = (page: Page, name: string) => page.getByRole("group", { name: new RegExp(`^Level \\d+: ${name}$`) });
const endNode = (page: Page, name: "Completed" | "Rejected") => page.getByRole("group", { name: `End: ${name}` });

async function waitUntilSaved(page: Page) {
  await expect(page.getByRole("status").filter({ hasText: /^All changes saved at/ })).toBeVisible();
}

/** Drags from the bottom handle of one node to the top handle of another, as a person draws a branch. */
async function drawBranch(page: Page, from: Locator, to: Locator) {
  const source = (await from.locator(".react-flow__handle.source").boundingBox())!;
  const target = (await to.locator(".react-flow__handle.target").boundingBox())!;
  await page.mouse.move(source.x + source.width / 2, source.y + source.height / 2);
  await page.mouse.down();
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 12 });
  await page.mouse.up();
}

async function dropLevel(page: Page, at: { x: number; y: number }, name: string) {
  await page.getByTestId("palette-level").dragTo(page.getByTestId("flow-canvas"), { targetPosition: at });
  const panel = page.getByRole("region", { name: /^Level \d+: Level \d+$/ });
  await expect(panel).toBeVisible();
  await panel.getByLabel("Level name").fill(name);
  return page.getByRole("region", { name: new RegExp(`^Level \\d+: ${name}$`) });
}

async function addAssignee(panel: Locator, kind: string, role?: string) {
  await panel.getByLabel("Add", { exact: true }).selectOption({ label: kind });
  if (role) await panel.getByLabel("Role", { exact: true }).selectOption({ label: role });
  await panel.getByRole("button", { name: "Add assignee" }).click();
}

async function personIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await signIn(page, email);
  return page;
}

test.use({ viewport: { width: 1600, height: 1100 } });

test("a designer draws the expense flow on the canvas with the mouse, fixes a problem, publishes it, and an employee's request reaches the manager", async ({ page, browser }) => {
  test.setTimeout(180_000);
  await mkdir(SHOTS, { recursive: true });
  const flowName = `Canvas expense ${Date.now().toString(36)}`;
  await signIn(page, "admin@acme.com");
  await page.goto("/flows");
  await page.getByLabel("Name").fill(flowName);
  await page.getByRole("button", { name: "Create flow" }).click();
  await page.waitForURL(/\/flows\/[0-9a-f-]+\/edit$/);
  const flowId = page.url().split("/").at(-2)!;
  await expect(page.getByRole("link", { name: "Canvas" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("group", { name: "Start" })).toBeVisible();
  await expect(endNode(page, "Completed")).toBeVisible();
  await expect(page.getByText("The flow has no levels, so it has nowhere to start")).toBeVisible();

  // Three levels dragged in from the palette; the first one dropped starts the flow.
  const submit = await dropLevel(page, { x: 300, y: 200 }, "Submit expense");
  await addAssignee(submit, "The initiator (fills the level's forms)");
  await submit.getByLabel("Add a form").selectOption({ label: "Expense Approval Form (v1)" });
  await submit.getByLabel("Submit (fill the forms)").check();
  await submit.getByLabel("Approve", { exact: true }).uncheck();
  await submit.getByLabel("Reject", { exact: true }).uncheck();
  const manager = await dropLevel(page, { x: 650, y: 200 }, "Manager approval");
  await addAssignee(manager, "Manager of the initiator");
  // Finance is left without assignees on purpose: the problems panel will say so.
  await dropLevel(page, { x: 450, y: 500 }, "Finance approval");
  await page.getByRole("button", { name: "Auto-layout" }).click();
  await page.getByRole("button", { name: "Fit View" }).click();
  await expect(levelNode(page, "Submit expense")).toContainText("The initiator");
  await expect(levelNode(page, "Submit expense")).toContainText("Expense Approval Form");

  // Branches drawn from handle to handle: Submit → Manager, Manager → Completed (its default), Manager → Finance (a condition).
  await drawBranch(page, levelNode(page, "Submit expense"), levelNode(page, "Manager approval"));
  await expect(page.getByRole("group", { name: "Branch from Submit expense to Manager approval: otherwise" })).toBeVisible();
  await drawBranch(page, levelNode(page, "Manager approval"), endNode(page, "Completed"));
  await drawBranch(page, levelNode(page, "Manager approval"), levelNode(page, "Finance approval"));
  const branchPanel = page.getByRole("region", { name: "Branch from Manager approval" });
  await expect(branchPanel).toBeVisible();
  await branchPanel.getByRole("button", { name: "+ Add rule" }).click();
  await branchPanel.getByLabel("Condition rule 1 field").selectOption({ label: "Amount" });
  await branchPanel.getByLabel("Condition rule 1 operator").selectOption({ label: "is at least" });
  await branchPanel.getByLabel("Condition rule 1 value").fill("1000");
  await expect(branchPanel.getByLabel("Condition as an expression")).toHaveValue("amount >= 1000");
  await expect(branchPanel.getByText("✓ Valid condition")).toBeVisible();
  await expect(page.getByRole("group", { name: "Branch from Manager approval to Finance approval: #1 · Amount is at least 1,000" })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/canvas-condition-editor.png` });
  await drawBranch(page, levelNode(page, "Finance approval"), endNode(page, "Completed"));
  await page.getByRole("button", { name: "Auto-layout" }).click();
  await page.getByRole("button", { name: "Fit View" }).click();

  // The deliberate problem, fixed from the problems panel.
  const problem = page.getByRole("list", { name: "Problems" }).getByRole("button", { name: /Finance approval.*has no assignee/ });
  await expect(problem).toBeVisible();
  await expect(levelNode(page, "Finance approval")).toContainText("no assignee");
  await page.screenshot({ path: `${SHOTS}/canvas-problems.png` });
  await problem.click();
  const finance = page.getByRole("region", { name: /^Level \d+: Finance approval$/ });
  await expect(finance.getByLabel("Add", { exact: true })).toBeFocused();
  await addAssignee(finance, "A role", "Finance");
  await expect(page.getByRole("status").filter({ hasText: /ready to publish/ })).toBeVisible();
  await waitUntilSaved(page);
  await page.getByRole("button", { name: "Close panel (Escape)" }).click();
  await page.getByRole("button", { name: "Fit View" }).click();
  await page.screenshot({ path: `${SHOTS}/canvas.png` });

  // Keyboard delete, then undo brings the level and its branches back.
  await levelNode(page, "Finance approval").click();
  await page.keyboard.press("Delete");
  await expect(levelNode(page, "Finance approval")).toHaveCount(0);
  await page.keyboard.press("Control+z");
  await expect(levelNode(page, "Finance approval")).toBeVisible();
  await expect(page.getByRole("group", { name: /^Branch from Manager approval to Finance approval/ })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /ready to publish/ })).toBeVisible();

  // Copy and paste a level; the copy is selected, so Delete removes it again.
  await levelNode(page, "Manager approval").click();
  await page.keyboard.press("Control+c");
  await page.keyboard.press("Control+v");
  await expect(levelNode(page, "Manager approval \\(copy\\)")).toBeVisible();
  await expect(levelNode(page, "Manager approval \\(copy\\)")).toContainText("Manager of the initiator");
  await page.screenshot({ path: `${SHOTS}/canvas-pasted.png` });
  await page.keyboard.press("Delete");
  await expect(levelNode(page, "Manager approval \\(copy\\)")).toHaveCount(0);

  // Shift-drag a box around two levels selects both; dragging one moves both.
  const placeOf = (name: string) => levelNode(page, name).evaluate((element) => (element as HTMLElement).style.transform);
  const first = (await levelNode(page, "Submit expense").boundingBox())!;
  const second = (await levelNode(page, "Manager approval").boundingBox())!;
  await page.keyboard.down("Shift");
  await page.mouse.move(Math.min(first.x, second.x) - 30, first.y - 15);
  await page.mouse.down();
  await page.mouse.move(Math.max(first.x + first.width, second.x + second.width) + 30, second.y + second.height + 15, { steps: 8 });
  await page.mouse.up();
  await page.keyboard.up("Shift");
  await expect(levelNode(page, "Submit expense")).toHaveClass(/selected/);
  await expect(levelNode(page, "Manager approval")).toHaveClass(/selected/);
  const submitBefore = await placeOf("Submit expense");
  const grip = (await levelNode(page, "Manager approval").boundingBox())!;
  await page.mouse.move(grip.x + 60, grip.y + 12);
  await page.mouse.down();
  await page.mouse.move(grip.x + 140, grip.y + 12, { steps: 8 });
  await page.mouse.up();
  expect(await placeOf("Submit expense")).not.toEqual(submitBefore);
  await page.mouse.click(first.x - 60, first.y + first.height + 40); // empty canvas: clears the selection

  // A node dragged elsewhere stays there after a reload (its place on the canvas, whatever the zoom).
  const place = () => levelNode(page, "Finance approval").evaluate((element) => (element as HTMLElement).style.transform);
  const before = (await levelNode(page, "Finance approval").boundingBox())!;
  const placedBefore = await place();
  await page.mouse.move(before.x + 60, before.y + 12);
  await page.mouse.down();
  await page.mouse.move(before.x + 260, before.y + 52, { steps: 10 });
  await page.mouse.up();
  await waitUntilSaved(page);
  const placed = await place();
  expect(placed).not.toEqual(placedBefore);
  await page.reload();
  await expect(levelNode(page, "Finance approval")).toBeVisible();
  expect(await place()).toEqual(placed);
  await page.screenshot({ path: `${SHOTS}/canvas-reloaded.png` });

  await page.getByRole("button", { name: "Publish…" }).click();
  await page.getByLabel("Change note").fill("Drawn on the canvas");
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await page.waitForURL(new RegExp(`/flows/${flowId}$`));

  // The employee starts it from "New request"; it waits in the manager's inbox.
  const employee = await personIn(browser, "employee@acme.com");
  await employee.goto("/requests/new");
  await employee.getByRole("link", { name: new RegExp(flowName) }).click();
  await employee.waitForLoadState("networkidle");
  const tag = `Canvas ${Date.now().toString(36)}`;
  await employee.getByLabel("Employee Name").fill(tag);
  await employee.getByLabel("Amount").fill("1500");
  await employee.getByLabel("Category").selectOption("travel");
  await employee.getByLabel("Receipt").setInputFiles("e2e/logo.png");
  await expect(employee.getByRole("link", { name: "logo.png" })).toBeVisible();
  await employee.getByRole("button", { name: "Submit request" }).click();
  await employee.waitForURL(/\/instances\/[0-9a-f-]{36}$/);
  const manager2 = await personIn(browser, "manager@acme.com");
  await manager2.goto("/inbox");
  const row = manager2.getByRole("grid", { name: "Requests waiting for you" }).getByRole("row").filter({ hasText: flowName });
  await expect(row).toBeVisible();
  await expect(row).toContainText("Manager approval");
});

test("the list view stays available as the accessible alternative and keeps the canvas layout", async ({ page }) => {
  await signIn(page, "admin@acme.com");
  const created = await page.request.post("/api/v1/flows", { data: { name: `Canvas list ${Date.now().toString(36)}` } });
  const { id } = await created.json();
  await page.goto(`/flows/${id}/edit`);
  await page.getByRole("button", { name: "+ Add level" }).click();
  await expect(page.getByRole("region", { name: "Level 1: Level 1" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("region", { name: "Level 1: Level 1" })).toHaveCount(0);
  await waitUntilSaved(page);
  await page.getByRole("link", { name: "List" }).click();
  await page.waitForURL(/view=list$/);
  await expect(page.getByRole("listitem", { name: "Level 1: Level 1" })).toBeVisible();
});

test("two tabs on one canvas: the second save is refused with who saved when", async ({ page, context }) => {
  await signIn(page, "admin@acme.com");
  const created = await page.request.post("/api/v1/flows", { data: { name: `Canvas shared ${Date.now().toString(36)}` } });
  const { id } = await created.json();
  const other = await context.newPage();
  await page.goto(`/flows/${id}/edit`);
  await other.goto(`/flows/${id}/edit`);
  await page.getByRole("button", { name: "+ Add level" }).click();
  await waitUntilSaved(page);
  await other.getByRole("button", { name: "+ Add level" }).click();
  const alert = other.getByRole("alert").filter({ hasText: /Not saved: Sarah Admin saved this flow at \d\d:\d\d UTC; reload to see their changes\./ });
  await expect(alert).toBeVisible();
  await other.screenshot({ path: `${SHOTS}/canvas-conflict.png` });
});
