import { expect, test } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { signIn } from "./fixtures";

// A webhook trigger with a JSON Schema of its payload, written in the editor (a broken schema is
// explained at its textarea), enforced on receipt (422 listing the violations by JSON path), then
// dry-run in the Test panel and run for real after a confirmation: the execution is in the log,
// marked as a manual test run, and the notification it sent is there.

const SHOTS = "/tmp/shots";

test("an admin constrains a webhook's payload, tests the trigger and runs it for real", async ({ page }) => {
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 1400, height: 1100 });
  await signIn(page, "admin@acme.com");
  const stamp = Date.now().toString(36);

  await page.goto("/triggers/new");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Name", { exact: true }).fill(`Paid orders ${stamp}`);
  await page.getByLabel("Event", { exact: true }).selectOption("WEBHOOK_RECEIVED");
  const schema = page.getByLabel("Expected payload (JSON Schema, optional)");
  await schema.fill('{"type": "object", "required": ["order"');
  await expect(page.getByText(/^Not valid JSON:/)).toBeVisible();
  await schema.fill('{"type": "object", "required": ["order"], "properties": {"order": {"type": "strin"}}}');
  await page.getByLabel("Action type").selectOption("notify");
  await page.getByRole("button", { name: "+ Add action" }).click();
  const notify = page.getByRole("region", { name: "Action 1: Notify" });
  await notify.getByRole("group", { name: "People" }).getByRole("checkbox").first().check();
  await notify.getByLabel("Title").fill(`Order {{payload.order}} paid ${stamp}`);
  await page.getByRole("button", { name: "Create trigger" }).click();
  // Valid JSON but not a valid schema: the server's check lands at the textarea.
  await expect(page.getByText(/^Not a valid JSON Schema: .*type/)).toBeVisible();
  await schema.fill('{"type": "object", "required": ["order"], "properties": {"order": {"type": "string"}}}');
  await page.getByRole("button", { name: "Create trigger" }).click();
  const created = page.getByRole("dialog", { name: "Trigger created" });
  const secret = await created.getByLabel("Signing secret").inputValue();
  await created.getByRole("button", { name: "I have copied it" }).click();
  await page.waitForURL(/\/triggers\/[0-9a-f-]{36}$/);
  const hookId = page.url().split("/").at(-1)!;
  await page.waitForLoadState("networkidle");

  // Enforced on receipt: a signed payload without an order is refused with its path.
  const send = (body: string) => {
    const id = `msg_${Math.random().toString(36).slice(2)}`;
    const at = new Date();
    return page.request.post(`/api/hooks/${hookId}`, { data: body, headers: { "content-type": "application/json", "webhook-id": id, "webhook-timestamp": String(Math.floor(at.getTime() / 1000)), "webhook-signature": new Webhook(secret).sign(id, at, body) } });
  };
  const refused = await send(JSON.stringify({ total: 5 }));
  expect(refused.status()).toBe(422);
  expect(await refused.json()).toMatchObject({ violations: [{ path: "$.order", message: "is required" }] });
  expect((await send(JSON.stringify({ order: 5 }))).status()).toBe(422);

  // Dry run on sample data, then for real.
  await page.getByLabel("Sample data (JSON)").fill(JSON.stringify({ payload: { order: "A-42" } }));
  await page.getByRole("button", { name: "Run test" }).click();
  await expect(page.getByRole("region", { name: "Test result" }).getByText("Condition matched")).toBeVisible();
  await expect(page.getByRole("region", { name: "Test result" }).getByText(`Order A-42 paid ${stamp}`)).toBeVisible();
  await page.getByRole("button", { name: "Run for real…" }).click();
  const confirm = page.getByRole("dialog", { name: "Run the actions for real?" });
  await expect(confirm.getByText(/exactly as shown in the test above/)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/triggers-run-for-real-confirm.png` });
  await confirm.getByRole("button", { name: "Run actions" }).click();
  await expect(page.getByText("Ran for real:")).toContainText("success");
  await page.screenshot({ path: `${SHOTS}/triggers-run-for-real-done.png` });

  await page.getByRole("link", { name: "Open the execution" }).click();
  await expect(page.getByRole("heading", { name: `Paid orders ${stamp}: execution` })).toBeVisible();
  await expect(page.getByText("Manual test run")).toBeVisible();
  await expect(page.getByText("1. Notify")).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/triggers-run-for-real-execution.png`, fullPage: true });

  await page.goto(`/triggers/executions?trigger=${hookId}`);
  await expect(page.getByRole("row", { name: /Success.*Manual test/ })).toHaveCount(1);
});

test("an admin picks the endings of a flow that fire a trigger", async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 1100 });
  await signIn(page, "admin@acme.com");
  await page.goto("/triggers/new");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Name", { exact: true }).fill(`Rejected expenses ${Date.now().toString(36)}`);
  await page.getByLabel("Event", { exact: true }).selectOption("FLOW_COMPLETED");
  const endings = page.getByRole("group", { name: "When the flow ends as" });
  await expect(endings.getByLabel("Completed")).toBeChecked(); // the default: completed only
  await endings.getByLabel("Rejected").check();
  await endings.getByLabel("Completed").uncheck();
  await page.getByLabel("Action type").selectOption("notify");
  await page.getByRole("button", { name: "+ Add action" }).click();
  const notify = page.getByRole("region", { name: "Action 1: Notify" });
  await notify.getByRole("group", { name: "People" }).getByRole("checkbox").first().check();
  await notify.getByLabel("Title").fill("Ended as {{status}}");
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}/triggers-flow-endings.png` });
  await page.getByRole("button", { name: "Create trigger" }).click();
  await page.waitForURL(/\/triggers\/[0-9a-f-]{36}$/);
  await page.reload();
  const saved = page.getByRole("group", { name: "When the flow ends as" });
  await expect(saved.getByLabel("Rejected")).toBeChecked();
  await expect(saved.getByLabel("Completed")).not.toBeChecked();
  await expect(saved.getByLabel("Cancelled or withdrawn")).not.toBeChecked();
});
