import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { createOtherCompany } from "./db";
import { signIn } from "./fixtures";

// The records journey of custom tables, as an admin: two related tables are made through the API (the
// designer is its own journey), then in the browser: import a Windows-1252 CSV with two bad rows (see
// them in the check, import the rest with progress and a summary), filter by a number range AND a
// select, sort, edit a cell inline (a bad value is refused in place), trash and restore a record, and
// follow a relation from a record's page to the related record and back.

async function createTables(page: Page, suffix: string) {
  const customers = await page.request.post("/api/v1/tables", {
    data: { name: `customers_${suffix}`, displayName: `Customers ${suffix}`, columns: { columns: [{ key: "name", label: "Name", type: "text", required: true }] } },
  });
  expect(customers.status()).toBe(201);
  const customersId = ((await customers.json()) as { id: string }).id;
  const orders = await page.request.post("/api/v1/tables", {
    data: {
      name: `orders_${suffix}`,
      displayName: `Orders ${suffix}`,
      columns: {
        columns: [
          { key: "title", label: "Title", type: "text", required: true },
          { key: "amount", label: "Amount", type: "number", min: 0 },
          { key: "status", label: "Status", type: "single_select", options: [{ value: "open" }, { value: "paid" }, { value: "cancelled" }] },
          { key: "ordered", label: "Ordered", type: "date" },
          { key: "customer", label: "Customer", type: "relation", tableId: customersId, displayColumn: "name" },
        ],
      },
    },
  });
  expect(orders.status()).toBe(201);
  for (const name of ["Acme", "Globex"]) {
    const created = await page.request.post(`/api/v1/tables/customers_${suffix}/records`, { data: { values: { name } } });
    expect(created.status()).toBe(201);
  }
  return { customers: `customers_${suffix}`, orders: `orders_${suffix}` };
}

// Row 3: an amount that is no number; row 6: an unknown status and an unknown customer.
const CSV = [
  "Title,Amount,Status,Ordered,Customer",
  "Widget A,120,open,2026-01-05,Acme",
  "Widget B,abc,open,2026-01-06,Acme",
  "Widget C,300,paid,2026-02-01,Globex",
  "Widget D,50,open,2026-02-10,Globex",
  "Widget E,80,bogus,2026-03-01,Nobody",
  "Café F,450,paid,2026-03-05,Acme",
].join("\r\n");

test("an admin imports, filters, sorts, edits, trashes and restores records and follows a relation", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const suffix = Date.now().toString(36);
  await signIn(page, "admin@acme.com");
  const keys = await createTables(page, suffix);

  // Import: the file is Windows-1252 (é is one byte), auto-mapped by header.
  await page.goto(`/tables/${keys.orders}/import`);
  await expect(page.getByRole("heading", { name: `Import into Orders ${suffix}` })).toBeVisible();
  await page.getByLabel(/CSV file/).setInputFiles({ name: "orders.csv", mimeType: "text/csv", buffer: Buffer.from(CSV, "latin1") });
  await expect(page.getByText("Windows-1252 (not valid UTF-8)")).toBeVisible();
  await expect(page.getByLabel("File column “Amount”")).toHaveValue("amount");
  await expect(page.getByLabel("File column “Customer”")).toHaveValue("customer");
  await expect(page.getByRole("table", { name: "Preview of the first rows" }).getByText("Café F")).toBeHidden(); // only the first 5 rows
  await page.getByRole("button", { name: "Check all rows" }).click();
  await expect(page.getByText("Checked: 4 rows can be imported, 2 have errors.")).toBeVisible();
  const errors = page.getByRole("table", { name: "Rows with errors" });
  await expect(errors.getByRole("row", { name: /^3 Amount Amount must be a number/ })).toBeVisible();
  await expect(errors.getByRole("row", { name: /^6 Status Choose one of the options offered for Status/ })).toBeVisible();
  await expect(errors.getByRole("row", { name: /^6 Customer No Customers .* is named "Nobody"/ })).toBeVisible();
  await page.screenshot({ path: "test-results/screens/tables-import-preview.png", fullPage: true });

  // Slow each batch down a little so the progress bar can be seen.
  await page.route(`**/tables/${keys.orders}/import`, async (route) => {
    if (route.request().method() === "POST") await new Promise((resolve) => setTimeout(resolve, 700));
    await route.continue();
  });
  await page.getByRole("button", { name: "Import 4 valid rows" }).click();
  await expect(page.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "0");
  await expect(page.getByText("Imported 4 rows; skipped 2 with errors.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Download error list" })).toBeVisible();
  await page.unroute(`**/tables/${keys.orders}/import`);

  // The grid: four records; filter Amount between 100 and 500 AND Status is any of paid.
  await page.getByRole("link", { name: `Open Orders ${suffix}` }).click();
  await expect(page.getByRole("heading", { name: `Orders ${suffix}` })).toBeVisible();
  const status = page.getByRole("status").filter({ hasText: /records?/ });
  await expect(status).toHaveText("4 records");
  const grid = page.getByRole("grid");
  await page.getByRole("button", { name: "Add filter" }).click();
  await page.getByLabel("Column", { exact: true }).selectOption({ label: "Amount" });
  await page.getByLabel("Condition").selectOption({ label: "is between" });
  await page.getByLabel("From").fill("100");
  await page.getByLabel("To", { exact: true }).fill("500");
  await page.getByRole("button", { name: "Add filter" }).last().click();
  await expect(page.getByRole("list", { name: "Active filters" }).getByText("Amount is between 100 and 500")).toBeVisible();
  await expect(status).toHaveText("3 records");
  await page.getByRole("button", { name: "Add filter" }).click();
  await page.getByLabel("Column", { exact: true }).selectOption({ label: "Status" });
  await page.getByLabel("Condition").selectOption({ label: "is any of" });
  await page.getByRole("checkbox", { name: "paid", exact: true }).check();
  await page.getByRole("button", { name: "Add filter" }).last().click();
  await expect(page.getByRole("list", { name: "Active filters" }).getByText("Status is any of paid")).toBeVisible();
  await expect(status).toHaveText("2 records");
  await expect(grid.getByRole("row")).toHaveCount(3);
  expect(decodeURIComponent(page.url())).toContain('"op":"between"');
  await page.screenshot({ path: "test-results/screens/tables-grid-filters.png", fullPage: true });

  // Sort by amount: ascending, then descending; the URL keeps it (a shareable view).
  await grid.getByRole("button", { name: /^Amount/ }).click();
  await expect(grid.getByRole("row").nth(1)).toContainText("Widget C");
  await grid.getByRole("button", { name: /^Amount/ }).click();
  await expect(grid.getByRole("row").nth(1)).toContainText("Café F");
  expect(page.url()).toContain("sort=amount");
  expect(page.url()).not.toContain("direction=asc"); // descending is the default, left out of the URL
  await page.reload();
  await expect(page.getByRole("list", { name: "Active filters" }).getByText("Status is any of paid")).toBeVisible();
  await expect(page.getByRole("grid").getByRole("row").nth(1)).toContainText("Café F");

  // Save this view under a name, go back to everything, and bring the view back from the list.
  await page.getByRole("button", { name: "Save view…" }).click();
  await page.getByLabel("View name").fill("Paid mid-range");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("View “Paid mid-range” saved")).toBeVisible();
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(status).toHaveText("4 records");
  await page.getByLabel("Saved views").selectOption({ label: "Paid mid-range" });
  await expect(page.getByRole("list", { name: "Active filters" }).getByText("Amount is between 100 and 500")).toBeVisible();
  await expect(status).toHaveText("2 records");
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(status).toHaveText("4 records");

  // Inline edit: a bad value is refused in the cell; a good one is saved.
  const widgetA = grid.getByRole("row").filter({ hasText: "Widget A" });
  const amountCell = widgetA.getByRole("gridcell").nth(3);
  await amountCell.click();
  const editor = amountCell.getByRole("textbox", { name: "Amount" });
  await editor.fill("lots");
  await editor.press("Enter");
  await expect(amountCell.getByText("Amount must be a number")).toBeVisible();
  await editor.fill("-4");
  await editor.press("Enter");
  await expect(amountCell.getByText("Amount must be at least 0")).toBeVisible();
  await editor.press("Escape");
  await expect(amountCell).toHaveText("120");
  await amountCell.press("Enter");
  await amountCell.getByRole("textbox", { name: "Amount" }).fill("130");
  await amountCell.getByRole("textbox", { name: "Amount" }).press("Enter");
  await expect(amountCell).toHaveText("130");

  // A stale edit: Widget C's amount changes elsewhere after the grid loaded; saving over it is refused
  // by name instead of silently overwriting, and the grid shows the new value.
  const found = (await (await page.request.get(`/api/v1/tables/${keys.orders}/records?q=${encodeURIComponent("Widget C")}`)).json()) as { items: { id: string }[] };
  expect((await page.request.patch(`/api/v1/tables/${keys.orders}/records/${found.items[0]!.id}`, { data: { values: { amount: 310 } } })).status()).toBe(200);
  const widgetCAmount = grid.getByRole("row").filter({ hasText: "Widget C" }).getByRole("gridcell").nth(3);
  await widgetCAmount.click();
  await widgetCAmount.getByRole("textbox", { name: "Amount" }).fill("320");
  await widgetCAmount.getByRole("textbox", { name: "Amount" }).press("Enter");
  await expect(status).toContainText("Sarah Admin changed Amount since you opened this record");
  await expect(widgetCAmount).toHaveText("310");

  // Trash and restore Widget D.
  await grid.getByRole("checkbox", { name: "Select Widget D" }).check();
  await page.getByRole("button", { name: "Move to trash" }).click();
  await expect(status).toHaveText("1 record moved to the trash · 3 records");
  await expect(grid.getByText("Widget D")).toBeHidden();
  await page.getByRole("button", { name: "Trash", exact: true }).click();
  await expect(page.getByRole("grid").getByText("Widget D")).toBeVisible();
  await page.getByRole("grid").getByRole("checkbox", { name: "Select Widget D" }).check();
  await page.getByRole("button", { name: "Restore" }).click();
  await expect(page.getByText("The trash is empty.")).toBeVisible();
  await page.getByRole("button", { name: "Showing trash" }).click();
  await expect(page.getByRole("grid").getByText("Widget D")).toBeVisible();

  // A new record: the server's message lands under the field; the customer is picked by name.
  await page.getByRole("button", { name: "New record" }).click();
  const dialog = page.getByRole("dialog", { name: `New Orders ${suffix} record` });
  await dialog.getByRole("button", { name: "Create record" }).click();
  await expect(dialog.getByText("Title is required")).toBeVisible();
  await dialog.getByLabel("Title").fill("Widget G");
  await dialog.getByLabel("Amount").fill("75");
  await dialog.getByRole("searchbox", { name: "Customer" }).fill("Glo");
  await dialog.getByRole("button", { name: "Globex" }).click();
  await expect(dialog.getByRole("list", { name: "Chosen Customer" }).getByText("Globex")).toBeVisible();
  await dialog.getByRole("button", { name: "Create record" }).click();
  await expect(dialog).toBeHidden();
  await expect(status).toHaveText("5 records");
  await expect(page.getByRole("grid").getByRole("row").filter({ hasText: "Widget G" })).toContainText("Globex");

  // On a phone the grid scrolls sideways inside its card (same session, phone-sized window).
  const phone = await browser.newContext({ storageState: await page.context().storageState(), viewport: { width: 390, height: 844 } });
  const phonePage = await phone.newPage();
  await phonePage.goto(page.url());
  await expect(phonePage.getByRole("grid").getByText("Widget G")).toBeAttached();
  await phonePage.screenshot({ path: "test-results/screens/tables-grid-phone.png", fullPage: true });
  await phone.close();

  // A record's page shows its values and its customer; the customer's page shows the order linking to it.
  await page.getByRole("link", { name: "Open record Widget A" }).click();
  await expect(page.getByRole("heading", { name: "Widget A" })).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: /^130$/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "History" })).toBeVisible();
  await expect(page.getByText(/record\.updated by Sarah Admin/)).toBeVisible();
  await page.screenshot({ path: "test-results/screens/tables-record-detail.png", fullPage: true });
  await page.getByRole("link", { name: "Acme", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Acme" })).toBeVisible();
  await expect(page.getByText(`Orders ${suffix} · Customer`)).toBeVisible();
  await expect(page.getByRole("link", { name: "Widget A", exact: true })).toBeVisible();
  await page.screenshot({ path: "test-results/screens/tables-record-linked-from.png", fullPage: true });
});

test("another company's admin finds none of a table's pages, records or exports", async ({ page, browser }) => {
  const suffix = `t${Date.now().toString(36)}`;
  await signIn(page, "admin@acme.com");
  const keys = await createTables(page, suffix);
  const list = (await (await page.request.get(`/api/v1/tables/${keys.customers}/records`)).json()) as { items: { id: string }[] };
  const acmeId = list.items[0]!.id;

  const other = await createOtherCompany(`tables${suffix}`);
  const stranger = await browser.newPage();
  await signIn(stranger, other.adminEmail, other.adminPassword);
  for (const path of [`/tables/${keys.orders}`, `/tables/${keys.orders}/import`, `/tables/${keys.customers}/records/${acmeId}`]) {
    await stranger.goto(path);
    await expect(stranger.getByRole("heading", { name: "This page does not exist" })).toBeVisible();
  }
  expect((await stranger.request.get(`/api/v1/tables/${keys.orders}/records/export?format=csv`)).status()).toBe(404);
  await stranger.close();
});

// A hostile file: 100 MB of CSV is refused in the browser before anything is read or sent.
test("a 100 MB CSV is refused with a clear message and nothing is imported", async ({ page }, testInfo) => {
  await signIn(page, "admin@acme.com");
  const { orders } = await createTables(page, `big${Date.now().toString(36)}`);
  await page.goto(`/tables/${orders}/import`);
  const row = "Widget,12,open,2026-01-01,Acme\n";
  const file = testInfo.outputPath("huge.csv");
  fs.writeFileSync(file, "Title,Amount,Status,Ordered,Customer\n" + row.repeat(Math.ceil((100 * 1024 * 1024) / row.length)));
  await page.getByLabel(/CSV file/).setInputFiles(file);
  await expect(page.getByText(/the limit is 50/)).toBeVisible();
  const list = await page.request.get(`/api/v1/tables/${orders}/records`);
  expect(((await list.json()) as { items: unknown[] }).items).toEqual([]);
});
