import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./fixtures";

// An admin designs two related tables in the browser — Customers (a required name, a tier with
// pasted options) and Orders (text, number, a relation to Customers shown by name, a formula that is
// first mistyped) — then sees what retyping a column with data would do, and that Customers cannot be
// archived while Orders relates to it.

async function createTable(page: Page, name: string, key: string) {
  await page.goto("/tables");
  await page.getByRole("link", { name: "New table" }).click();
  await page.getByLabel("Name").fill(name);
  await expect(page.getByLabel("Key")).toHaveValue(key);
  await page.getByRole("button", { name: "Create and design columns" }).click();
  await page.waitForURL(`**/tables/${key}/design`);
  await expect(page.getByRole("heading", { name: `Design ${name}` })).toBeVisible();
}

async function addColumn(page: Page, label: string, type?: string) {
  await page.getByRole("button", { name: "+ Add column" }).click();
  const labelInput = page.getByLabel("Label", { exact: true });
  await expect(labelInput).toBeFocused();
  await labelInput.fill(label);
  if (type) await page.getByLabel("Type", { exact: true }).selectOption({ label: type });
}

async function saveTable(page: Page) {
  await page.getByRole("button", { name: "Save table" }).click();
  await expect(page.getByText("Table saved").first()).toBeVisible();
}

test("design related tables, preview a retype over existing records, archive refused while related", async ({ page }) => {
  // Tall enough that full-page screenshots show the whole designer without the sticky save bar over it.
  await page.setViewportSize({ width: 1280, height: 1300 });
  await signIn(page, "admin@acme.com");
  await page.goto("/tables");
  await expect(page.getByRole("heading", { name: "Tables" })).toBeVisible();

  await createTable(page, "Customers", "customers");
  await addColumn(page, "Name");
  await expect(page.getByLabel("Key", { exact: true })).toHaveValue("name");
  await page.getByLabel("Required").check();
  await addColumn(page, "Tier", "Single select");
  await page.getByLabel(/Paste options/).fill("Gold\nSilver\nBronze");
  await page.getByRole("button", { name: "Add pasted options" }).click();
  await expect(page.getByLabel("Option 3 value")).toHaveValue("Bronze");
  await saveTable(page);

  await createTable(page, "Orders", "orders");
  await addColumn(page, "Title");
  await addColumn(page, "Amount", "Number");
  await addColumn(page, "Customer", "Relation");
  await page.getByLabel("Related table").selectOption({ label: "Customers" });
  await page.getByLabel("Display column").selectOption({ label: "Name" });
  await addColumn(page, "Total", "Formula");
  const formula = page.getByLabel("Formula", { exact: true });
  await formula.fill('amount * "x"');
  await expect(page.getByText('Operator "*" needs number operands, got number and string')).toBeVisible();
  await page.screenshot({ path: "test-results/screens/tables-designer-formula-error.png", fullPage: true });
  // Saving with the mistake keeps it on the column: nothing is sent.
  await page.getByRole("button", { name: "Save table" }).click();
  await expect(page.getByRole("button", { name: /Total.*has problems/ })).toBeVisible();
  await formula.fill("amount * 2");
  await expect(page.getByText("✓ Gives a number")).toBeVisible();
  await saveTable(page);

  // A record with a title that is not a number.
  const created = await page.request.post("/api/v1/tables/orders/records", { data: { values: { title: "abc", amount: 5 } } });
  expect(created.status()).toBe(201);
  const second = await page.request.post("/api/v1/tables/orders/records", { data: { values: { title: "42", amount: 7 } } });
  expect(second.status()).toBe(201);

  await page.reload();
  await page.getByRole("button", { name: /^Title/ }).click();
  await expect(page.getByLabel("Key", { exact: true })).toBeDisabled();
  await page.getByLabel("Type", { exact: true }).selectOption({ label: "Number" });
  await page.getByRole("button", { name: "Save table" }).click();
  const dialog = page.getByRole("dialog", { name: "Apply these changes to existing records?" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText(/Changing Title from Text to Number: 1 record converts, 1 cannot \(e\.g\. row [0-9a-f]{8}: 'abc'/)).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Apply" })).toBeDisabled();
  await page.screenshot({ path: "test-results/screens/tables-change-preview.png", fullPage: true });
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();

  // Nothing changed: the stored column is still text.
  const orders = await (await page.request.get("/api/v1/tables/orders")).json();
  expect(orders.columns.map((column: { key: string; type: string }) => `${column.key}:${column.type}`)).toEqual(["title:text", "amount:number", "customer:relation", "total:formula"]);

  // Someone saves Customers through the API while the designer is open: saving here warns instead of overwriting.
  await page.goto("/tables/customers/design");
  const customers = await (await page.request.get("/api/v1/tables/customers")).json();
  const elsewhere = await page.request.put("/api/v1/tables/customers", { data: { displayName: "Customers", description: "Changed elsewhere", columns: { columns: customers.columns } } });
  expect(elsewhere.status()).toBe(200);
  await page.getByLabel("Label", { exact: true }).fill("Full name");
  await page.getByRole("button", { name: "Save table" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Someone else changed this table" })).toBeVisible();
  await page.getByRole("button", { name: "Reload the table" }).click();
  await expect(page.getByLabel("Description").first()).toHaveValue("Changed elsewhere");
  await expect(page.getByLabel("Label", { exact: true })).toHaveValue("Name");

  await page.getByRole("button", { name: "Archive table" }).click();
  const archive = page.getByRole("dialog", { name: "Archive Customers?" });
  await archive.getByRole("button", { name: "Archive", exact: true }).click();
  await expect(archive.getByRole("alert")).toContainText("Other tables relate to Customers: Orders (Customer)");
  await page.screenshot({ path: "test-results/screens/tables-archive-refused.png", fullPage: true });

  await page.goto("/tables");
  await expect(page.getByRole("link", { name: "Design Orders" })).toBeVisible();
  await expect(page.getByRole("row", { name: /Orders/ })).toContainText("2");
  await page.screenshot({ path: "test-results/screens/tables-list.png", fullPage: true });

  // On a phone the list and the settings stack; every control stays reachable.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/tables/orders/design");
  await expect(page.getByRole("button", { name: "Save table" })).toBeVisible();
  await page.screenshot({ path: "test-results/screens/tables-designer-phone.png", fullPage: true });
});
