import { expect, test, type Browser, type Page } from "@playwright/test";
import { signIn } from "./fixtures";

// Triggers as an admin builds them: the seed's High-Value Alert rebuilt in the editor (rule builder,
// send_email with the seed's template), tested against sample data, saved; an employee's 12,000
// expense then runs it (the in-process job worker), and the execution and its mail are there to see.
// And an email template written and previewed live.

const SCREENS = "test-results/screens";

async function personIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

/** Files an expense through /requests/new as e2e/expense-flow.spec.ts does (receipt included). */
async function fileExpense(page: Page, amount: string, name: string) {
  await page.goto("/requests/new");
  await page.getByRole("link", { name: /Expense Approval Workflow/ }).click();
  await expect(page.getByRole("heading", { name: "Expense Approval Workflow" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Employee Name").fill(name);
  await page.getByLabel("Amount").fill(amount);
  await page.getByLabel("Category").selectOption("travel");
  await page.getByLabel("Receipt").setInputFiles("e2e/logo.png");
  await expect(page.getByRole("link", { name: "logo.png" })).toBeVisible();
  await page.getByRole("button", { name: "Submit request" }).click();
  await page.waitForURL(/\/instances\/[0-9a-f-]{36}$/);
}

test("an admin builds the High-Value Alert in the editor, tests it, and sees it run for a 12,000 expense", async ({ browser }) => {
  test.setTimeout(180_000);
  const admin = await personIn(browser, "admin@acme.com");
  const name = `High-Value Alert ${Date.now().toString(36)}`;

  await admin.goto("/triggers");
  await expect(admin.getByRole("heading", { name: "Triggers" })).toBeVisible();
  await expect(admin.getByRole("link", { name: "High-Value Alert", exact: true })).toBeVisible(); // the seed's
  await admin.getByRole("link", { name: "New trigger" }).click();
  await expect(admin.getByRole("heading", { name: "New trigger" })).toBeVisible();
  await admin.waitForLoadState("networkidle");

  await admin.getByLabel("Name", { exact: true }).fill(name);
  await admin.getByLabel("Event", { exact: true }).selectOption("TASK_COMPLETED");
  await admin.getByLabel("Form", { exact: true }).selectOption({ label: "Expense Approval Form" });

  // The condition, built in the rule builder over the form's fields.
  await admin.getByRole("button", { name: "+ Add rule" }).click();
  await admin.getByLabel("Condition rule 1 field").selectOption("amount");
  await admin.getByLabel("Condition rule 1 operator").selectOption("greater_than");
  await admin.getByLabel("Condition rule 1 value").fill("10000");
  await expect(admin.getByLabel("Condition as an expression")).toHaveValue("amount > 10000");

  // Saving without an action is refused at the action list.
  await admin.getByRole("button", { name: "Create trigger" }).click();
  await expect(admin.getByText("Add at least one action")).toBeVisible();

  await admin.getByLabel("Action type").selectOption("send_email");
  await admin.getByRole("button", { name: "+ Add action" }).click();
  const email = admin.getByRole("region", { name: "Action 1: Send email" });
  await email.getByLabel("Email template").selectOption("high_value_expense");
  await email.getByLabel("To (email addresses)").fill("cfo@acme.com");
  await admin.getByRole("form", { name: "Trigger" }).screenshot({ path: `${SCREENS}/triggers-editor.png` });

  // Test against sample data: matched, and the email as it would be sent.
  await admin.getByLabel("Sample data (JSON)").fill(JSON.stringify({ amount: 12000, employee_name: "Emma Employee", category: "travel" }));
  await admin.getByRole("button", { name: "Run test" }).click();
  const result = admin.getByRole("region", { name: "Test result" });
  await expect(result.getByText("Condition matched")).toBeVisible();
  await expect(result.getByText("cfo@acme.com")).toBeVisible();
  await expect(result.getByText("High-value expense requires your review")).toBeVisible();
  await expect(admin.frameLocator('iframe[title="Action 1 email: HTML body"]').getByText("Emma Employee")).toBeVisible();
  await admin.getByRole("region", { name: "Test", exact: true }).screenshot({ path: `${SCREENS}/triggers-test-panel.png` });

  await admin.getByRole("button", { name: "Create trigger" }).click();
  await admin.waitForURL(/\/triggers\/[0-9a-f-]{36}$/);
  const triggerId = admin.url().split("/").at(-1)!;
  await expect(admin.getByRole("heading", { name })).toBeVisible();
  await expect(admin.getByLabel("Condition as an expression")).toHaveValue("amount > 10000");

  // The employee's expense of 12,000 fires it.
  const employee = await personIn(browser, "employee@acme.com");
  const filedBy = `Conference ${Date.now().toString(36)}`; // goes into the Employee Name field
  await fileExpense(employee, "12000", filedBy);

  // The job worker runs it within seconds: reload the log until our execution has succeeded.
  await expect(async () => {
    await admin.goto(`/triggers/executions?trigger=${triggerId}`);
    await expect(admin.getByRole("row", { name: new RegExp(`${name}.*Success`) })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 60_000, intervals: [1_000, 2_000, 3_000] });
  await admin.getByRole("row", { name: new RegExp(name) }).getByRole("link").first().click();
  await expect(admin.getByRole("heading", { name: `${name}: execution` })).toBeVisible();
  await expect(admin.getByText("amount > 10000").first()).toBeVisible();
  await expect(admin.getByText("Met", { exact: true })).toBeVisible();
  await expect(admin.getByText("1. Send email")).toBeVisible();
  await admin.screenshot({ path: `${SCREENS}/triggers-execution.png`, fullPage: true });
  const mailId = (await admin.locator("pre").filter({ hasText: "mailId" }).innerText()).match(/"mailId": "([0-9a-f-]{36})"/)?.[1];
  expect(mailId).toBeTruthy();

  // The seed's alert ran for the same expense too: both are in the log, each under its own name.
  await admin.goto("/triggers/executions");
  await expect(admin.getByRole("row", { name: /High-Value Alert .*Success/ }).first()).toBeVisible();

  // The mail, captured in the outbox (no SMTP in the test).
  await admin.goto("/admin/outbox");
  await expect(admin.getByRole("row", { name: /cfo@acme\.com.*High-value expense requires your review/ }).first()).toBeVisible();
  await admin.goto(`/admin/outbox/${mailId}`);
  await expect(admin.getByText("High-value expense requires your review").first()).toBeVisible();
  await expect(admin.getByText(filedBy).first()).toBeVisible();
});

test("an email template is written with a live preview and saved", async ({ browser }) => {
  const admin = await personIn(browser, "admin@acme.com");
  const key = `weekly_digest_${Date.now().toString(36)}`;
  await admin.goto("/triggers/templates");
  await expect(admin.getByRole("link", { name: "High Value Expense Alert" })).toBeVisible();
  await admin.getByRole("link", { name: "New template" }).click();
  await admin.waitForLoadState("networkidle");

  // Browser validation with the shared schema.
  await admin.getByLabel("Key", { exact: true }).fill("Weekly Digest");
  await admin.getByRole("button", { name: "Create template" }).click();
  await expect(admin.getByText("A key starts with a lower-case letter")).toBeVisible();

  await admin.getByLabel("Key", { exact: true }).fill(key);
  await admin.getByLabel("Name", { exact: true }).fill("Weekly digest");
  await admin.getByLabel("Subject").fill("Your week, {{name}}");
  await admin.getByLabel("HTML body").fill("<p>Hello {{name}},</p>\n<p>You filed {{stats.count}} requests.</p>");
  await expect(admin.getByRole("list", { name: "Variables used" })).toContainText("{{stats.count}}");
  await admin.getByLabel("Sample data (JSON)").fill(JSON.stringify({ name: "Ada <b>", stats: { count: 3 } }));
  const preview = admin.frameLocator('iframe[title="Preview: HTML body"]');
  await expect(preview.getByText("Hello Ada <b>,")).toBeVisible(); // escaped: shown as text, not markup
  await expect(preview.getByText("You filed 3 requests.")).toBeVisible();
  await expect(admin.getByText("Your week, Ada <b>")).toBeVisible();
  await admin.screenshot({ path: `${SCREENS}/triggers-template-preview.png`, fullPage: true });

  await admin.getByRole("button", { name: "Create template" }).click();
  await admin.waitForURL(/\/triggers\/templates\/[0-9a-f-]{36}$/);
  await expect(admin.getByRole("heading", { name: "Weekly digest" })).toBeVisible();
  await expect(admin.getByText("No trigger sends this template.")).toBeVisible();
});
