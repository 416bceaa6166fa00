import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { signIn } from "./fixtures";
import { idOf, withDb } from "./db";

// The manager works the inbox with the keyboard and in bulk; a request withdrawn behind their back
// is refused with the server's words; the employee hears of the decisions through the bell. The
// employee's requests are started through the public API (the New request page is another slice).

async function startExpense(request: APIRequestContext, flowId: string, name: string, amount: number): Promise<string> {
  const upload = await request.post("/api/v1/files", { multipart: { file: { name: "receipt.png", mimeType: "image/png", buffer: await import("node:fs/promises").then((fs) => fs.readFile("e2e/logo.png")) } } });
  expect(upload.status()).toBe(201);
  const [file] = (await upload.json()) as { id: string }[];
  const started = await request.post(`/api/v1/flows/${flowId}/instances`, { data: { data: { employee_name: name, amount, category: "travel", receipt: [file!.id] } } });
  expect(started.status()).toBe(201);
  return ((await started.json()) as { instanceId: string }).instanceId;
}

/** The number in the Inbox nav item's accessible name ("Inbox, 3 waiting"). */
async function badgeCount(page: Page): Promise<number> {
  const label = await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Inbox, \d+ waiting$/ }).getAttribute("aria-label");
  return Number(label!.match(/\d+/)![0]);
}

const ref = (id: string) => `#${id.slice(0, 8).toUpperCase()}`;

test("a manager approves and rejects from the keyboard, decides in bulk, and the employee is told", async ({ browser, page }) => {
  const tag = `Inbox ${Date.now().toString(36)}`;
  const flowId = await idOf(`SELECT f.id FROM flows f JOIN companies c ON c.id = f."companyId" WHERE c.slug = 'acme' AND f.name = 'Expense Approval Workflow'`, []);
  const employee = await browser.newPage();
  await signIn(employee, "employee@acme.com");
  const ids: string[] = [];
  for (const [index, amount] of [120, 240, 360, 480, 600, 720].entries()) ids.push(await startExpense(employee.request, flowId, `${tag} ${index + 1}`, amount));

  // The third one is overdue (as if its 48 h had passed).
  await withDb((client) => client.query(`UPDATE assignments SET "dueAt" = now() - interval '3 hours' WHERE "instanceId" = $1 AND status = 'OPEN'`, [ids[2]]));

  await signIn(page, "manager@acme.com");
  const before = await badgeCount(page);
  expect(before).toBeGreaterThanOrEqual(6);
  await page.goto(`/inbox?search=${encodeURIComponent(tag)}`);
  await expect(page.getByRole("heading", { name: "Inbox" })).toBeVisible();
  const grid = page.getByRole("grid", { name: "Requests waiting for you" });
  const rows = grid.getByRole("row");
  await expect(rows).toHaveCount(6);
  // Oldest first, with who, where, and the key fields.
  await expect(rows.first()).toContainText(ref(ids[0]!));
  await expect(rows.first()).toContainText("from Emma Employee");
  await expect(rows.first()).toContainText("Manager Review");
  await expect(rows.first()).toContainText("Amount:120");
  await expect(rows.first()).toContainText(/due in \d+ (h|d)/);

  await expect(rows.nth(2)).toContainText("overdue by 3 h");

  // "Overdue only" lives in the URL: it survives a reload.
  await page.getByLabel("Overdue only").check();
  await expect(page).toHaveURL(/overdue=1/);
  await expect(rows).toHaveCount(1);
  await page.reload();
  await expect(page.getByLabel("Overdue only")).toBeChecked();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(ref(ids[2]!));
  await page.getByLabel("Overdue only").uncheck();
  await expect(rows).toHaveCount(6);

  // Typing in the search box is not a shortcut.
  await page.getByLabel("Search").focus();
  await page.keyboard.press("End");
  await page.keyboard.press("j");
  await expect(page.getByLabel("Search")).toHaveValue(`${tag}j`);
  await expect(rows.nth(0)).toHaveAttribute("aria-selected", "true");
  await page.getByLabel("Search").fill(tag);

  // j/k move the focus (and the real focus) along the rows.
  await page.locator("body").click({ position: { x: 5, y: 300 } });
  await page.keyboard.press("j");
  await expect(rows.nth(1)).toHaveAttribute("aria-selected", "true");
  await expect(rows.nth(1)).toBeFocused();
  await page.keyboard.press("j");
  await page.keyboard.press("k");
  await page.keyboard.press("k");
  await expect(rows.nth(0)).toHaveAttribute("aria-selected", "true");
  await expect(rows.nth(1)).toHaveAttribute("aria-selected", "false");
  await page.screenshot({ path: "test-results/screens/inbox-focused-row.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(400); // the sidebar slides away (a CSS transition) before the picture
  await page.screenshot({ path: "test-results/screens/inbox-phone.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });

  // Enter opens the focused request's page.
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/instances/${ids[0]}$`));
  await page.goBack();
  await expect(rows).toHaveCount(6);
  await expect(rows.nth(0)).toHaveAttribute("aria-selected", "true");

  // "?" shows the shortcuts; Escape closes them.
  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();

  // a approves the focused request: it leaves, a toast says so, the badge goes down.
  await page.keyboard.press("a");
  const approveDialog = page.getByRole("dialog", { name: `Approve ${ref(ids[0]!)}?` });
  await expect(approveDialog).toBeVisible();
  await approveDialog.getByLabel("Comment (optional)").fill("Fine by me");
  await approveDialog.getByRole("button", { name: "Approve" }).click();
  await expect(rows).toHaveCount(5);
  await expect(page.getByText(`Approved ${ref(ids[0]!)}`)).toBeVisible();
  await expect.poll(() => badgeCount(page)).toBe(before - 1);

  // r without a reason: the shared schema's field error; with one, rejected.
  await expect(rows.nth(0)).toHaveAttribute("aria-selected", "true");
  await expect(rows.nth(0)).toContainText(ref(ids[1]!));
  await page.keyboard.press("r");
  const rejectDialog = page.getByRole("dialog", { name: `Reject ${ref(ids[1]!)}?` });
  await expect(rejectDialog.getByLabel("Reason (required)")).toBeFocused();
  await rejectDialog.getByRole("button", { name: "Reject" }).click();
  await expect(rejectDialog.getByText("Give a reason")).toBeVisible();
  await expect(rejectDialog.getByLabel("Reason (required)")).toHaveAttribute("aria-invalid", "true");
  await page.screenshot({ path: "test-results/screens/inbox-reject-dialog.png", fullPage: true });
  await rejectDialog.getByLabel("Reason (required)").fill("The receipt is not readable");
  await rejectDialog.getByRole("button", { name: "Reject" }).click();
  await expect(rejectDialog).toBeHidden();
  await expect(rows).toHaveCount(4);
  await expect(page.getByText(`Rejected ${ref(ids[1]!)}`)).toBeVisible();
  await expect.poll(() => badgeCount(page)).toBe(before - 2);

  // Bulk: x on three rows, one of which the employee withdraws meanwhile; each is reported on.
  const withdrawn = await employee.request.post(`/api/v1/instances/${ids[5]}/actions`, { data: { action: "cancel" } });
  expect(withdrawn.status()).toBe(200);
  await page.keyboard.press("x");
  await page.keyboard.press("j");
  await page.keyboard.press("x");
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  await page.keyboard.press("x");
  await expect(page.getByText("3 selected")).toBeVisible();
  await page.getByRole("button", { name: "Approve selected" }).click();
  const bulkDialog = page.getByRole("dialog", { name: "Approve 3 requests?" });
  await bulkDialog.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByText(/^2 approved, 1 failed: This request was already cancelled by Emma Employee/)).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Not decided:" })).toContainText(ref(ids[5]!));
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(ref(ids[4]!));
  await expect.poll(() => badgeCount(page)).toBe(before - 5);

  // The last one is withdrawn behind the manager's back: the server's words, and the list catches up.
  const cancelled = await employee.request.post(`/api/v1/instances/${ids[4]}/actions`, { data: { action: "cancel" } });
  expect(cancelled.status()).toBe(200);
  await page.keyboard.press("a");
  await page.getByRole("dialog", { name: `Approve ${ref(ids[4]!)}?` }).getByRole("button", { name: "Approve" }).click();
  await expect(page.getByText(/^This request was already cancelled by Emma Employee/)).toBeVisible();
  await expect(page.getByText("Nothing waiting for you matches these filters.")).toBeVisible();
  await expect.poll(() => badgeCount(page)).toBe(before - 6);

  // The employee's bell: the decisions, newest first; mark all read.
  await employee.goto("/");
  const bell = employee.getByRole("button", { name: /^Notifications, \d+ unread$/ });
  await expect(bell).toBeVisible();
  await bell.click();
  const popover = employee.getByRole("dialog", { name: "Notifications" });
  await expect(popover.getByRole("link", { name: "Expense Approval Workflow: your request was rejected" }).first()).toBeVisible();
  await expect(popover.getByText("The receipt is not readable").first()).toBeVisible();
  await expect(popover.getByRole("link", { name: "Expense Approval Workflow: your request was approved" }).first()).toBeVisible();
  await employee.screenshot({ path: "test-results/screens/inbox-bell-popover.png" });
  await popover.getByRole("button", { name: "Mark all read" }).click();
  await expect(employee.getByRole("button", { name: "Notifications" })).toBeVisible();
  await employee.keyboard.press("Escape");
  await expect(popover).toBeHidden();
  await expect(bell.or(employee.getByRole("button", { name: "Notifications" }))).toBeFocused();
  await employee.close();
});

test("an empty inbox says what lands there, on a phone-sized screen", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, "employee2@acme.com");
  await page.goto("/inbox");
  await expect(page.getByText("Nothing is waiting for you.")).toBeVisible();
  await expect(page.getByText(/Requests land here when a flow reaches a level you decide/)).toBeVisible();
  await page.screenshot({ path: "test-results/screens/inbox-empty-phone.png", fullPage: true });
  // Nobody has written to Evan yet: the bell says so, inside the phone's width.
  await page.getByRole("button", { name: "Notifications" }).click();
  const popover = page.getByRole("dialog", { name: "Notifications" });
  await expect(popover.getByText("No notifications")).toBeVisible();
  await expect(popover.getByRole("button", { name: "Mark all read" })).toBeDisabled();
  const box = (await popover.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  await page.screenshot({ path: "test-results/screens/inbox-bell-empty-phone.png" });
});
