import { mkdir } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { purchaseFlow } from "./flow-design";
import { signIn } from "./fixtures";

// Simulation on the canvas: the path a simulated request takes lights up on the drawing as the
// designer steps through it — 12,000 goes on to Finance, 500 ends after the manager.

const levelNode = (page: Page, name: string) => page.getByRole("group", { name: new RegExp(`^Level \\d+: ${name}$`) });
const lit = (page: Page, name: string) => levelNode(page, name).locator("[data-lit]");

test("the simulated path lights up on the canvas", async ({ page }) => {
  await signIn(page, "admin@acme.com");
  const flowId = await purchaseFlow(page);
  await page.goto(`/flows/${flowId}/edit`);
  await expect(levelNode(page, "Finance approval")).toBeVisible();
  await page.getByRole("button", { name: "Simulate" }).click();
  const panel = page.getByRole("region", { name: "Simulation" });

  await panel.getByRole("button", { name: "Generate" }).click();
  await panel.getByLabel("Amount", { exact: true }).fill("12000");
  await panel.getByRole("button", { name: "Start simulation" }).click();
  await expect(lit(page, "Request")).toHaveAttribute("data-lit", "current");
  await panel.getByRole("button", { name: "Submit" }).click();
  await panel.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(panel.getByRole("status")).toHaveText("Waiting at Finance approval");
  await expect(lit(page, "Request")).toHaveAttribute("data-lit", "taken");
  await expect(lit(page, "Manager approval")).toHaveAttribute("data-lit", "taken");
  await expect(lit(page, "Finance approval")).toHaveAttribute("data-lit", "current");
  await mkdir("/tmp/shots", { recursive: true });
  await page.screenshot({ path: "/tmp/shots/canvas-simulation.png" });

  await panel.getByRole("button", { name: "Reset" }).click();
  await expect(lit(page, "Finance approval")).toHaveCount(0);
  await panel.getByRole("button", { name: "Generate" }).click();
  await panel.getByLabel("Amount", { exact: true }).fill("500");
  await panel.getByRole("button", { name: "Start simulation" }).click();
  await panel.getByRole("button", { name: "Submit" }).click();
  await panel.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(panel.getByRole("status")).toHaveText("Completed");
  await expect(lit(page, "Manager approval")).toHaveAttribute("data-lit", "taken");
  await expect(lit(page, "Finance approval")).toHaveCount(0);
});
