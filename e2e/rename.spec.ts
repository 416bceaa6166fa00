import { expect, test } from "@playwright/test";
import { signIn } from "./fixtures";

// Renaming: a flow and a form get a new name and description from their overview pages; a blank
// name is refused in the dialog (the same schema as the server) and nothing changes.

test("an admin renames a flow, and a blank name is refused without losing anything", async ({ page }) => {
  await signIn(page, "admin@acme.com");
  await page.goto("/flows");
  await page.getByLabel("Name").fill("Rename me");
  await page.getByRole("button", { name: "Create flow" }).click();
  await page.waitForURL(/\/flows\/[0-9a-f-]+\/edit/);
  const flowId = new URL(page.url()).pathname.split("/").at(-2)!;

  await page.goto(`/flows/${flowId}`);
  await page.getByRole("button", { name: "Rename…" }).click();
  const dialog = page.getByRole("dialog", { name: "Rename this flow" });
  await expect(dialog.getByLabel("Name")).toBeFocused();
  await dialog.getByLabel("Name").fill("   ");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog.getByText("Give it a name")).toBeVisible();

  await dialog.getByLabel("Name").fill("Travel booking");
  await dialog.getByLabel("Description").fill("Trains, planes and hotels");
  await page.screenshot({ path: "test-results/screens/flow-rename.png" });
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("heading", { name: "Travel booking" })).toBeVisible();
  await expect(page.getByText("Trains, planes and hotels")).toBeVisible();
  await page.goto("/flows");
  await expect(page.getByRole("link", { name: "Travel booking" }).first()).toBeVisible();
});

test("an admin renames a form", async ({ page }) => {
  await signIn(page, "admin@acme.com");
  await page.goto("/forms");
  await page.getByRole("link", { name: "Expense Approval Form" }).first().click();
  await page.getByRole("button", { name: "Rename…" }).click();
  const dialog = page.getByRole("dialog", { name: "Rename this form" });
  await dialog.getByLabel("Name").fill("Expense claim");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { name: "Expense claim" })).toBeVisible();
  // Put it back: other specs in this run look the form up by its seed name.
  await page.getByRole("button", { name: "Rename…" }).click();
  await dialog.getByLabel("Name").fill("Expense Approval Form");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { name: "Expense Approval Form" })).toBeVisible();
});
