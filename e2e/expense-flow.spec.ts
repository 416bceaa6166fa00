import { expect, test, type Browser, type Page } from "@playwright/test";
import { createOtherCompany, withDb } from "./db";
import { signIn } from "./fixtures";

// The seed's Expense Approval Workflow between real people, each in their own browser: the employee
// files through "New request", the manager and finance decide on the request's page (reached by
// URL — the inbox is another page), and the employee follows it under "My requests".

const SCREENS = "test-results/screens";

async function personIn(browser: Browser, email: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

/** Files an expense through /requests/new and returns the new request's id (from the page it lands on). */
async function fileExpense(page: Page, amount: string, name: string, options: { screenshot?: string } = {}): Promise<string> {
  await page.goto("/requests/new");
  await expect(page.getByRole("heading", { name: "New request" })).toBeVisible();
  await page.getByRole("link", { name: /Expense Approval Workflow/ }).click();
  await expect(page.getByRole("heading", { name: "Expense Approval Workflow" })).toBeVisible();
  await page.waitForLoadState("networkidle"); // the form is interactive once hydrated
  await page.getByLabel("Employee Name").fill(name);
  await page.getByLabel("Amount").fill(amount);
  await page.getByLabel("Category").selectOption("travel");
  await page.getByLabel("Receipt").setInputFiles("e2e/logo.png");
  await expect(page.getByRole("link", { name: "logo.png" })).toBeVisible();
  if (options.screenshot) await page.screenshot({ path: `${SCREENS}/${options.screenshot}`, fullPage: true });
  await page.getByRole("button", { name: "Submit request" }).click();
  await page.waitForURL(/\/instances\/[0-9a-f-]{36}$/);
  await expect(page.getByText("Your Expense Approval Workflow request was started.")).toBeVisible();
  return page.url().split("/").at(-1)!;
}

test("12,000: the employee files it, the manager and then finance approve, and the employee sees it completed with its history", async ({ browser }) => {
  const employee = await personIn(browser, "employee@acme.com");
  const name = `Conference ${Date.now().toString(36)}`;

  // Browser validation with the server's schema: errors on the fields, values kept.
  await employee.goto("/requests/new");
  await employee.getByRole("link", { name: /Expense Approval Workflow/ }).click();
  await employee.waitForLoadState("networkidle");
  await employee.getByLabel("Employee Name").fill(name);
  await employee.getByLabel("Amount").fill("-1");
  await employee.getByRole("button", { name: "Submit request" }).click();
  await expect(employee.getByRole("link", { name: /Amount: Amount must be at least 0/ })).toBeVisible();
  await expect(employee.getByRole("link", { name: /Receipt: Receipt is required/ })).toBeVisible();
  await expect(employee.getByLabel("Employee Name")).toHaveValue(name);

  const id = await fileExpense(employee, "12000", name, { screenshot: "requests-new.png" });
  await expect(employee.getByRole("heading", { name: "Expense Approval Workflow" })).toBeVisible();
  await expect(employee.getByText("Running").first()).toBeVisible();
  // Their own request is never theirs to decide.
  await expect(employee.getByRole("button", { name: "Approve" })).toHaveCount(0);
  await expect(employee.getByRole("note")).toContainText("“Manager Review” waits for role Manager");

  const manager = await personIn(browser, "manager@acme.com");
  await manager.goto(`/instances/${id}`);
  await expect(manager.getByRole("heading", { name: "Your task: Manager Review" })).toBeVisible();
  const submitted = manager.getByRole("article", { name: /Expense Approval Form by Emma Employee/ });
  await expect(submitted.getByText(name)).toBeVisible();
  await expect(submitted.getByText("12,000.00 USD")).toBeVisible();
  await manager.screenshot({ path: `${SCREENS}/requests-task-panel.png`, fullPage: true });

  // Rejecting needs a reason: the field says so and nothing is sent.
  await manager.getByRole("button", { name: "Reject" }).click();
  await expect(manager.getByText("Give a reason")).toBeVisible();
  await expect(manager.getByLabel("Reason", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(manager.getByRole("dialog")).toHaveCount(0);

  await manager.getByLabel("Comment (optional)").fill("Fine by me");
  await manager.getByRole("button", { name: "Approve" }).click();
  await expect(manager.getByText("Approved. It is now at “Finance Approval”.")).toBeVisible();
  await expect(manager.getByRole("note")).toContainText("“Finance Approval” waits for role Finance — you are not one of them.");

  const finance = await personIn(browser, "finance@acme.com");
  await finance.goto(`/instances/${id}`);
  await expect(finance.getByRole("heading", { name: "Your task: Finance Approval" })).toBeVisible();
  await finance.getByText("Why is this here?").click();
  await expect(finance.getByText("Finance review (≥ 1,000): amount 12,000 ≥ 1,000 → yes")).toBeVisible();
  await expect(finance.getByText("→ “Finance Approval” (its condition holds)")).toBeVisible();
  await expect(finance.getByText("“Finance Approval” is yours to act on: it waits for role Finance, which is you.").first()).toBeVisible();
  await finance.getByRole("button", { name: "Approve" }).click();
  await expect(finance.getByText("Approved. The request is completed.")).toBeVisible();

  await employee.reload();
  await expect(employee.getByText("Completed").first()).toBeVisible();
  const timeline = employee.getByRole("list", { name: "History" });
  await expect(timeline.getByRole("listitem")).toHaveCount(4);
  await expect(timeline.getByRole("listitem").nth(0)).toContainText("Emma Employee started the request");
  await expect(timeline.getByRole("listitem").nth(1)).toContainText("Emma Employee submitted");
  await expect(timeline.getByRole("listitem").nth(2)).toContainText("Mike Manager approved");
  await expect(timeline.getByRole("listitem").nth(2)).toContainText("Manager Review → Finance Approval");
  await expect(timeline.getByRole("listitem").nth(2)).toContainText("“Fine by me”");
  await expect(timeline.getByRole("listitem").nth(3)).toContainText("Fiona Finance approved");
  await expect(employee.getByRole("list", { name: "Route taken" })).toHaveText(/Employee Submission.*Manager Review.*Finance Approval.*Completed/);
  await employee.screenshot({ path: `${SCREENS}/requests-timeline-diagram.png`, fullPage: true });

  await employee.goto("/requests?status=COMPLETED");
  await expect(employee.getByRole("listitem").filter({ hasText: name })).toContainText("Completed");
});

test("500 skips finance: the manager's approval completes it", async ({ browser }) => {
  const employee = await personIn(browser, "employee@acme.com");
  const id = await fileExpense(employee, "500", `Taxi ${Date.now().toString(36)}`);
  const manager = await personIn(browser, "manager@acme.com");
  await manager.goto(`/instances/${id}`);
  await manager.getByRole("button", { name: "Approve" }).click();
  await expect(manager.getByText("Approved. The request is completed.")).toBeVisible();
  await manager.getByText("Why is this here?").click();
  await expect(manager.getByText("Finance review (≥ 1,000): amount 500 ≥ 1,000 → no")).toBeVisible();

  await employee.reload();
  await expect(employee.getByRole("list", { name: "Route taken" })).toHaveText(/Employee Submission.*Manager Review.*Completed/);
  await expect(employee.getByRole("list", { name: "Route taken" })).not.toContainText("Finance Approval");
});

test("a rejection with its reason reaches the initiator on My requests and on the request", async ({ browser }) => {
  const employee = await personIn(browser, "employee@acme.com", { width: 390, height: 844 });
  const name = `Gadget ${Date.now().toString(36)}`;
  const id = await fileExpense(employee, "2500", name);
  const manager = await personIn(browser, "manager@acme.com");
  await manager.goto(`/instances/${id}`);
  await manager.getByLabel("Reason", { exact: true }).fill("Not a business expense");
  await manager.getByRole("button", { name: "Reject" }).click();
  const confirm = manager.getByRole("dialog", { name: "Reject this request?" });
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
  await confirm.getByRole("button", { name: "Reject request" }).click();
  await expect(manager.getByText("Rejected. The request is rejected.")).toBeVisible();

  await employee.goto("/requests");
  await employee.getByLabel("Status").selectOption("REJECTED");
  await employee.getByRole("button", { name: "Apply" }).click();
  await expect(employee).toHaveURL(/status=REJECTED/);
  const row = employee.getByRole("listitem").filter({ hasText: name });
  await expect(row).toContainText("Rejected");
  await employee.screenshot({ path: `${SCREENS}/requests-mine-phone.png`, fullPage: true });
  await row.getByRole("link", { name: /Expense Approval Workflow/ }).click();
  await expect(employee.getByRole("list", { name: "History" })).toContainText("Mike Manager rejected");
  await expect(employee.getByRole("list", { name: "History" })).toContainText("“Not a business expense”");
  await expect(employee.getByRole("list", { name: "Route taken" })).toContainText("Rejected");
  await employee.screenshot({ path: `${SCREENS}/requests-rejected-phone.png`, fullPage: true });
});

test("sent back to the employee, who edits and resubmits; another request is withdrawn", async ({ browser }) => {
  const employee = await personIn(browser, "employee@acme.com");
  const name = `Hotel ${Date.now().toString(36)}`;
  const id = await fileExpense(employee, "900", name);
  const manager = await personIn(browser, "manager@acme.com");
  await manager.goto(`/instances/${id}`);
  await expect(manager.getByLabel("Send back to")).toHaveValue(/.+/);
  await manager.getByLabel("Reason", { exact: true }).fill("Split the hotel and the meals");
  await manager.getByRole("button", { name: "Send back" }).click();
  await expect(manager.getByText("Sent back. It is now at “Employee Submission”.")).toBeVisible();

  await employee.goto("/requests?status=CHANGES_REQUESTED");
  const row = employee.getByRole("listitem").filter({ hasText: name });
  await expect(row).toContainText("Changes requested");
  await row.getByRole("link", { name: "Edit and resubmit" }).click();
  await expect(employee.getByRole("heading", { name: "Changes were requested" })).toBeVisible();
  await expect(employee.getByLabel("Employee Name")).toHaveValue(name);
  await employee.getByLabel("Amount").fill("700");
  await employee.getByRole("button", { name: "Resubmit" }).click();
  await expect(employee.getByText("Submitted. It is now at “Manager Review”.")).toBeVisible();
  await expect(employee.getByRole("list", { name: "History" })).toContainText("Mike Manager sent it back");

  // Withdrawing a running request, from My requests, after a confirmation.
  const other = `Parking ${Date.now().toString(36)}`;
  await fileExpense(employee, "40", other);
  await employee.goto("/requests");
  const running = employee.getByRole("listitem").filter({ hasText: other });
  await running.getByRole("button", { name: /Withdraw/ }).click();
  const dialog = employee.getByRole("dialog", { name: "Withdraw this request?" });
  await dialog.getByLabel("Reason (optional)").fill("Paid it myself");
  await dialog.getByRole("button", { name: "Withdraw request" }).click();
  await expect(employee.getByText("Your request was withdrawn.")).toBeVisible();
  await expect(running).toContainText("Cancelled");
});

test("the manager cannot approve their own request; an admin explains it, reassigns it to finance, who approves", async ({ browser }) => {
  const manager = await personIn(browser, "manager@acme.com");
  const id = await fileExpense(manager, "300", `Team lunch ${Date.now().toString(36)}`);
  await expect(manager.getByRole("button", { name: "Approve" })).toHaveCount(0);
  await expect(manager.getByRole("note")).toHaveText("You started this request, and “Manager Review” does not allow you to decide on your own request.");

  const admin = await personIn(browser, "admin@acme.com");
  await admin.goto(`/instances/${id}`);
  await admin.getByText("Why is this here?").click();
  await admin.getByLabel("Is it in someone’s inbox?").selectOption({ label: "Mike Manager" });
  await admin.getByRole("button", { name: "Explain" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "No, it is not in their inbox." })).toContainText("Mike Manager started this request");

  await admin.getByLabel("Take it from").selectOption({ label: "role Manager" });
  await admin.getByLabel("Give it to").selectOption({ label: "Fiona Finance" });
  await admin.getByLabel("Reason (optional)", { exact: true }).first().fill("Mike is on leave");
  await admin.getByRole("button", { name: "Reassign" }).click();
  await expect(admin.getByText("The task was reassigned.")).toBeVisible();
  await expect(admin.getByRole("list", { name: "History" })).toContainText("Sarah Admin reassigned the task");

  const finance = await personIn(browser, "finance@acme.com");
  await finance.goto(`/instances/${id}`);
  await finance.getByRole("button", { name: "Approve" }).click();
  await expect(finance.getByText("Approved. The request is completed.")).toBeVisible();

  // Uninvolved colleagues and another company's admin get the same 404.
  const colleague = await personIn(browser, "employee2@acme.com");
  expect((await colleague.goto(`/instances/${id}`))?.status()).toBe(404);
  const other = await createOtherCompany(`req-${Date.now().toString(36)}`);
  const outsider = await (await browser.newContext()).newPage();
  await signIn(outsider, other.adminEmail, other.adminPassword);
  expect((await outsider.goto(`/instances/${id}`))?.status()).toBe(404);
});

test("a decision on a request that moved on meanwhile says who moved it, and changes nothing", async ({ browser }) => {
  const employee = await personIn(browser, "employee@acme.com");
  const id = await fileExpense(employee, "60", `Train ${Date.now().toString(36)}`);
  const manager = await personIn(browser, "manager@acme.com");
  await manager.goto(`/instances/${id}`);
  await expect(manager.getByRole("heading", { name: "Your task: Manager Review" })).toBeVisible();

  // The employee withdraws it while the manager's page is still open.
  await employee.getByRole("button", { name: /Withdraw/ }).click();
  await employee.getByRole("dialog", { name: "Withdraw this request?" }).getByRole("button", { name: "Withdraw request" }).click();
  await expect(employee.getByText("Your request was withdrawn.")).toBeVisible();

  await manager.getByRole("button", { name: "Approve" }).click();
  await expect(manager.getByRole("alert").filter({ hasText: "This request was already cancelled by Emma Employee" })).toBeVisible();
  await manager.reload();
  await expect(manager.getByText("Cancelled").first()).toBeVisible();
  await expect(manager.getByRole("list", { name: "History" })).not.toContainText("Mike Manager approved");
});

test("an admin cancels someone's running request with a reason; it is in the history and the audit log", async ({ browser }) => {
  const employee = await personIn(browser, "employee@acme.com");
  const id = await fileExpense(employee, "75", `Books ${Date.now().toString(36)}`);
  const admin = await personIn(browser, "admin@acme.com");
  await admin.goto(`/instances/${id}`);
  await admin.getByRole("button", { name: /^Cancel Expense Approval Workflow/ }).click();
  const dialog = admin.getByRole("dialog", { name: "Cancel this request?" });
  await dialog.getByLabel("Reason (optional)").fill("Duplicate of another request");
  await dialog.getByRole("button", { name: "Cancel request" }).click();
  await expect(admin.getByText("The request was cancelled.")).toBeVisible();

  await employee.reload();
  await expect(employee.getByText("Cancelled").first()).toBeVisible();
  await expect(employee.getByRole("list", { name: "History" })).toContainText("Sarah Admin cancelled the request");
  await expect(employee.getByRole("list", { name: "History" })).toContainText("“Duplicate of another request”");
  await expect(employee.getByRole("button", { name: /Withdraw/ })).toHaveCount(0);
  const audited = await withDb((client) => client.query(`SELECT metadata FROM audit_logs WHERE action = 'instance.cancelled' AND "entityId" = $1`, [id]));
  expect(audited.rows).toHaveLength(1);
  expect(audited.rows[0].metadata).toMatchObject({ reason: "Duplicate of another request" });
});
