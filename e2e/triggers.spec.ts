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

/** A screenshot of a long page from the top in a tall viewport (the sticky header would cover parts of a full-page capture). */
async function shoot(page: Page, name: string) {
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: size.width, height: 2400 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SCREENS}/${name}` });
  await page.setViewportSize(size);
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
  await shoot(admin, "triggers-editor.png");

  // Test against sample data: matched, and the email as it would be sent.
  await admin.getByLabel("Sample data (JSON)").fill(JSON.stringify({ amount: 12000, employee_name: "Emma Employee", category: "travel" }));
  await admin.getByRole("button", { name: "Run test" }).click();
  const result = admin.getByRole("region", { name: "Test result" });
  await expect(result.getByText("Condition matched")).toBeVisible();
  await expect(result.getByText("cfo@acme.com")).toBeVisible();
  await expect(result.getByText("High-value expense requires your review")).toBeVisible();
  await expect(admin.frameLocator('iframe[title="Action 1 email: HTML body"]').getByText("Emma Employee")).toBeVisible();
  await shoot(admin, "triggers-test-panel.png");

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

  // "Test" against that past event: the real submission, with its link to the request filled in.
  await admin.goto(`/triggers/${triggerId}`);
  await admin.waitForLoadState("networkidle");
  await admin.getByLabel("A recent event").check();
  const pastEvent = admin.getByLabel("Past event");
  await expect(pastEvent.locator("option", { hasText: filedBy })).toHaveCount(1);
  await pastEvent.selectOption((await pastEvent.locator("option", { hasText: filedBy }).getAttribute("value"))!);
  await admin.getByRole("button", { name: "Run test" }).click();
  const past = admin.getByRole("region", { name: "Test result" });
  await expect(past.getByText("Condition matched")).toBeVisible();
  await expect(past.getByText("No value for")).toHaveCount(0);
  await expect(admin.frameLocator('iframe[title="Action 1 email: HTML body"]').getByText(filedBy)).toBeVisible();

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

test("a schedule previews its next runs, a webhook trigger shows its secret once and rotates it, saves conflict, triggers switch off", async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = await personIn(browser, "admin@acme.com");
  const stamp = Date.now().toString(36);

  // A schedule: the next five runs previewed as the cron expression is typed; a bad one explained.
  await admin.goto("/triggers/new");
  await admin.waitForLoadState("networkidle");
  await admin.getByLabel("Name", { exact: true }).fill(`Weekday digest ${stamp}`);
  await admin.getByLabel("Event", { exact: true }).selectOption("SCHEDULED");
  await admin.getByLabel("Schedule (cron)").fill("61 * * * *");
  await expect(admin.getByRole("list", { name: "Next runs" })).toHaveCount(0);
  await admin.getByLabel("Schedule (cron)").fill("0 7 * * 1-5");
  await admin.getByLabel("Time zone", { exact: true }).fill("Europe/Berlin");
  await expect(admin.getByRole("list", { name: "Next runs" }).getByRole("listitem")).toHaveCount(5);
  await admin.getByLabel("Action type").selectOption("notify");
  await admin.getByRole("button", { name: "+ Add action" }).click();
  const notify = admin.getByRole("region", { name: "Action 1: Notify" });
  await notify.getByLabel("Title").fill("Digest for {{scheduledFor}}");
  await admin.getByRole("button", { name: "Create trigger" }).click();
  // Server checks land at their inputs: nobody to notify.
  await expect(notify.getByText("Choose who is notified")).toBeVisible();
  await notify.getByLabel("The person who caused the event").check();
  await admin.getByRole("button", { name: "Create trigger" }).click();
  await admin.waitForURL(/\/triggers\/[0-9a-f-]{36}$/);
  const digestUrl = admin.url();

  // Two tabs on the same trigger: the second save is warned, not lost silently.
  const other = await admin.context().newPage();
  await other.goto(digestUrl);
  await other.waitForLoadState("networkidle");
  await admin.getByLabel("Description (optional)").fill("Every weekday at seven");
  await admin.getByRole("button", { name: "Save trigger" }).click();
  await expect(admin.getByText("Trigger saved")).toBeVisible();
  await other.getByLabel("Name", { exact: true }).fill(`Weekday digest ${stamp} (renamed)`);
  await other.getByRole("button", { name: "Save trigger" }).click();
  await expect(other.getByRole("alert").filter({ hasText: "Someone else saved this trigger" }).first()).toBeVisible();
  await other.close();

  // A webhook trigger: its secret once after creation, then rotation with an overlap.
  await admin.goto("/triggers/new");
  await admin.waitForLoadState("networkidle");
  await admin.getByLabel("Name", { exact: true }).fill(`Orders hook ${stamp}`);
  await admin.getByLabel("Event", { exact: true }).selectOption("WEBHOOK_RECEIVED");
  await expect(admin.getByText("The URL to send to and its signing secret appear when the trigger is saved.")).toBeVisible();
  await admin.getByLabel("Action type").selectOption("notify");
  await admin.getByRole("button", { name: "+ Add action" }).click();
  const hookNotify = admin.getByRole("region", { name: "Action 1: Notify" });
  await hookNotify.getByLabel("The person who caused the event").check();
  await hookNotify.getByLabel("Title").fill("Order {{payload.id}} received");
  await admin.getByRole("button", { name: "Create trigger" }).click();
  const created = admin.getByRole("dialog", { name: "Trigger created" });
  await expect(created.getByLabel("Signing secret")).toHaveValue(/^whsec_/);
  const first = await created.getByLabel("Signing secret").inputValue();
  await created.getByRole("button", { name: "I have copied it" }).click();
  await admin.waitForURL(/\/triggers\/[0-9a-f-]{36}$/);
  const hookId = admin.url().split("/").at(-1)!;
  await expect(admin.getByLabel("Send webhooks to")).toHaveValue(new RegExp(`/api/hooks/${hookId}$`));
  await expect(admin.getByLabel("Signing secret")).toHaveCount(0); // shown once only
  await admin.getByRole("button", { name: "Rotate secret" }).click();
  const rotate = admin.getByRole("dialog", { name: "Rotate the signing secret" });
  await rotate.getByLabel("Keep the current secrets valid for (hours)").fill("2");
  await rotate.getByRole("button", { name: "Rotate secret" }).click();
  await expect(admin.getByLabel("New signing secret")).toHaveValue(/^whsec_/);
  expect(await admin.getByLabel("New signing secret").inputValue()).not.toBe(first);
  await expect(admin.getByRole("list", { name: "Valid secrets" }).getByRole("listitem")).toHaveCount(2);

  // The list: switched off from its row, and it stays off.
  await admin.goto("/triggers");
  const toggle = admin.getByRole("switch", { name: `Orders hook ${stamp} active` });
  await expect(toggle).toHaveAttribute("aria-checked", "true");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-checked", "false");
  await admin.reload();
  await expect(admin.getByRole("switch", { name: `Orders hook ${stamp} active` })).toHaveAttribute("aria-checked", "false");
  await admin.screenshot({ path: `${SCREENS}/triggers-list.png`, fullPage: true });

  await admin.goto("/triggers/executions");
  await admin.getByRole("link", { name: "Dead letters" }).click();
  await expect(admin.getByText("No dead letters: nothing has exhausted its retries.")).toBeVisible();

  // On a phone the editor is one column and the test panel follows it.
  await admin.setViewportSize({ width: 390, height: 844 });
  await admin.goto(`/triggers/${hookId}`);
  await expect(admin.getByRole("button", { name: "Rotate secret" })).toBeVisible();
  expect(await admin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await admin.screenshot({ path: `${SCREENS}/triggers-editor-phone.png` });
});
