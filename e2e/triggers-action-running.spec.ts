import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { signIn } from "./fixtures";

// While a slow call_webhook is in flight, the execution page already lists it as running, with the
// time it started; once the receiver answers it turns to success. The run is started over the API
// (POST /api/v1/triggers/:id/run), which answers when the actions are done.

const SHOTS = "/tmp/shots";

test("an admin sees a slow webhook call as running while it is in flight", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1400, height: 1000 });
  await signIn(page, "admin@acme.com");
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  const receiver = createServer((request, response) => {
    request.resume();
    request.on("end", () => void held.then(() => response.end("ok")));
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/slow`;
  try {
    const name = `Slow call ${Date.now().toString(36)}`;
    const created = await page.request.post("/api/v1/triggers", { data: { name, eventType: "WEBHOOK_RECEIVED", actions: [{ type: "call_webhook", config: { url, body: '{"order": {{payload.order}}}', timeoutMs: 30_000 } }] } });
    expect(created.status()).toBe(201);
    const triggerId = (await created.json()).id as string;
    const run = page.request.post(`/api/v1/triggers/${triggerId}/run`, { data: { sample: { payload: { order: "S-1" } } }, timeout: 60_000 });

    await expect(async () => {
      await page.goto(`/triggers/executions?trigger=${triggerId}`);
      await expect(page.getByRole("row", { name: new RegExp(name) })).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    await page.getByRole("row", { name: new RegExp(name) }).getByRole("link").first().click();
    const action = page.getByRole("listitem").filter({ hasText: "1. Call webhook" });
    await expect(action.getByText("Running", { exact: true })).toBeVisible();
    await expect(action.getByText(/running since \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/)).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/triggers-action-running.png` });

    release();
    const answer = await run;
    expect(answer.status()).toBe(201);
    expect(await answer.json()).toMatchObject({ status: "SUCCESS" });
    await page.reload();
    await expect(action.getByText("Success", { exact: true })).toBeVisible();
    await expect(action.getByText(/1 attempt · \d+ ms/)).toBeVisible();
  } finally {
    release();
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  }
});
