import { expect, test } from "@playwright/test";
import { signIn } from "./fixtures";

// A "Table row deleted" trigger built in the editor: moving a row to the trash fires it (the in-process
// job worker), and its execution shows the deleted row's columns in the notification it sent.

const SHOTS = "/tmp/shots";

test("an admin is notified when a table row is moved to the trash", async ({ page }) => {
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 1400, height: 1100 });
  await signIn(page, "admin@acme.com");
  const stamp = Date.now().toString(36);
  const table = await page.request.post("/api/v1/tables", { data: { name: `deals_${stamp}`, displayName: `Deals ${stamp}`, columns: { columns: [{ key: "name", label: "Name", type: "text", required: true }] } } });
  expect(table.status()).toBe(201);
  const record = await page.request.post(`/api/v1/tables/deals_${stamp}/records`, { data: { values: { name: "Mega deal" } } });
  expect(record.status()).toBe(201);
  const recordId = (await record.json()).id as string;

  const name = `Deal deleted ${stamp}`;
  await page.goto("/triggers/new");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Event", { exact: true }).selectOption({ label: "Table row deleted" });
  await page.getByLabel("Table", { exact: true }).selectOption({ label: `Deals ${stamp}` });
  await page.getByLabel("Action type").selectOption("notify");
  await page.getByRole("button", { name: "+ Add action" }).click();
  const notify = page.getByRole("region", { name: "Action 1: Notify" });
  await notify.getByRole("group", { name: "People" }).getByRole("checkbox").first().check();
  await notify.getByLabel("Title").fill(`{{name}} was deleted ${stamp}`);
  await page.screenshot({ path: `${SHOTS}/triggers-row-deleted-editor.png` });
  await page.getByRole("button", { name: "Create trigger" }).click();
  await page.waitForURL(/\/triggers\/[0-9a-f-]{36}$/);
  const triggerId = page.url().split("/").at(-1)!;
  await expect(page.getByLabel("Event", { exact: true })).toHaveValue("DATABASE_ROW_DELETED");

  // Moving the row to the trash fires it.
  expect((await page.request.delete(`/api/v1/tables/deals_${stamp}/records/${recordId}`)).status()).toBeLessThan(300);
  await expect(async () => {
    await page.goto(`/triggers/executions?trigger=${triggerId}`);
    await expect(page.getByRole("row", { name: new RegExp(`${name}.*Success`) })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 60_000, intervals: [1_000, 2_000, 3_000] });
  await page.getByRole("row", { name: new RegExp(name) }).getByRole("link").first().click();
  await expect(page.getByRole("heading", { name: `${name}: execution` })).toBeVisible();
  await expect(page.getByText("DATABASE_ROW_DELETED on CustomTableRecord")).toBeVisible();
  await expect(page.getByText("1. Notify")).toBeVisible();
  await expect(page.getByText('"notified": 1')).toBeVisible();
  // The deleted row's columns are the event's data.
  await expect(page.getByText(/"name": "Mega deal"/)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/triggers-row-deleted-execution.png`, fullPage: true });
});
