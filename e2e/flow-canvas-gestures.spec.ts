import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { mkdir } from "node:fs/promises";
import { signIn } from "./fixtures";
import { purchaseFlow } from "./flow-design";

// Canvas gestures beyond drawing: retargeting a branch by dragging its end, the zoom buttons, snap to
// grid, and the first view of a large flow (readable cards at its start, the view kept on reload).

const SHOTS = "/tmp/shots";
const levelNode = (page: Page, name: string) => page.getByRole("group", { name: new RegExp(`^Level \\d+: ${name}$`) });
const zoomOf = async (page: Page) => Number(/scale\(([\d.]+)\)/.exec((await page.locator(".react-flow__viewport").getAttribute("style")) ?? "")![1]);
const translateOf = async (page: Page, name: string) => {
  const style = await levelNode(page, name).evaluate((element) => (element as HTMLElement).style.transform);
  return /translate\(([-\d.]+)px, ?([-\d.]+)px\)/.exec(style)!.slice(1).map(Number);
};
async function waitUntilSaved(page: Page) {
  await expect(page.getByRole("status").filter({ hasText: /^All changes saved at/ })).toBeVisible();
}

test.use({ viewport: { width: 1600, height: 1100 } });
test.beforeAll(() => mkdir(SHOTS, { recursive: true }));

test("dragging a branch's end onto another node retargets it, and the change is saved", async ({ page }) => {
  await signIn(page, "admin@acme.com");
  const id = await purchaseFlow(page);
  await page.goto(`/flows/${id}/edit`);
  const branch = page.getByRole("group", { name: /^Branch from Manager approval to Finance approval/ });
  await expect(branch).toBeAttached();
  const end = (await branch.locator(".react-flow__edgeupdater-target").boundingBox())!;
  const target = (await page.getByRole("group", { name: "End: Rejected" }).locator(".react-flow__handle.target").boundingBox())!;
  await page.mouse.move(end.x + end.width / 2, end.y + end.height / 2);
  await page.mouse.down();
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 12 });
  await page.mouse.up();
  const retargeted = page.getByRole("group", { name: /^Branch from Manager approval to End: Rejected: #\d · Amount is at least 1,000/ });
  await expect(retargeted).toBeAttached();
  await expect(branch).toHaveCount(0);
  await waitUntilSaved(page);
  await page.screenshot({ path: `${SHOTS}/canvas-retargeted.png` });
  await page.reload();
  await expect(retargeted).toBeAttached();
});

test("the zoom-in button zooms in, and with snap to grid a dragged level lands on the grid", async ({ page }) => {
  await signIn(page, "admin@acme.com");
  const id = await purchaseFlow(page);
  await page.goto(`/flows/${id}/edit`);
  await expect(levelNode(page, "Manager approval")).toBeVisible();
  const before = await zoomOf(page);
  await page.getByRole("button", { name: "Zoom In" }).click();
  await expect.poll(() => zoomOf(page)).toBeGreaterThan(before);

  const drag = async (dx: number, dy: number) => {
    const box = (await levelNode(page, "Manager approval").boundingBox())!;
    await page.mouse.move(box.x + 60, box.y + 12);
    await page.mouse.down();
    await page.mouse.move(box.x + 60 + dx, box.y + 12 + dy, { steps: 8 });
    await page.mouse.up();
  };
  await expect(page.getByLabel("Snap to grid")).toBeChecked();
  await drag(37, 23);
  for (const coordinate of await translateOf(page, "Manager approval")) expect(coordinate % 10).toBe(0);
  await page.getByLabel("Snap to grid").uncheck();
  await drag(37, 23);
  const free = await translateOf(page, "Manager approval");
  expect(free.some((coordinate) => coordinate % 10 !== 0)).toBe(true);
});

test("a 50-level flow opens on its start with readable cards, and the fitted view is kept", async ({ page }) => {
  await signIn(page, "admin@acme.com");
  const levels = Array.from({ length: 50 }, (_, i) => ({ id: randomUUID(), order: i + 1, name: `Step ${i + 1}`, approvalMode: "ANY", requiredApprovals: 1, allowedActions: ["approve", "reject"], allowSelfApproval: false, assignees: [{ kind: "INITIATOR_MANAGER" }], taskVersionIds: [] }));
  const created = await page.request.post("/api/v1/flows", { data: { name: `Canvas large ${Date.now().toString(36)}` } });
  const { id } = await created.json();
  expect((await page.request.put(`/api/v1/flows/${id}/draft`, { data: { revision: 1, definition: { schemaVersion: 1, levels, branches: [] } } })).status()).toBe(200);
  await page.goto(`/flows/${id}/edit`);
  await expect(page.getByRole("group", { name: "Start", exact: true })).toBeInViewport();
  await expect(levelNode(page, "Step 1")).toBeInViewport();
  await expect.poll(() => zoomOf(page)).toBeGreaterThanOrEqual(0.35);
  expect((await levelNode(page, "Step 1").boundingBox())!.width).toBeGreaterThanOrEqual(240 * 0.35 - 1);
  await expect(levelNode(page, "Step 50")).not.toBeInViewport();
  await page.screenshot({ path: `${SHOTS}/canvas-50-levels.png` });

  // Fit view is saved like a pan or zoom, so the same view comes back.
  await page.getByRole("button", { name: "Zoom Out" }).click();
  await page.getByRole("button", { name: "Zoom Out" }).click();
  await page.getByRole("button", { name: "Fit View" }).click();
  await waitUntilSaved(page);
  const fitted = await page.locator(".react-flow__viewport").getAttribute("style");
  await page.reload();
  await expect(levelNode(page, "Step 1")).toBeInViewport();
  expect(await page.locator(".react-flow__viewport").getAttribute("style")).toEqual(fitted);

  // The read-only version view opens the same way.
  await page.getByRole("button", { name: "Publish…" }).click();
  await page.getByLabel("Change note").fill("Fifty steps");
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await page.waitForURL(new RegExp(`/flows/${id}$`));
  await page.goto(`/flows/${id}/versions/1`);
  await expect(levelNode(page, "Step 1")).toBeInViewport();
  await expect.poll(() => zoomOf(page)).toBeGreaterThanOrEqual(0.35);
  await expect(levelNode(page, "Step 50")).not.toBeInViewport();
  await page.screenshot({ path: `${SHOTS}/canvas-50-levels-version.png` });
});
