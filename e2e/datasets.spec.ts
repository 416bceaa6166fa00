import { expect, test } from "@playwright/test";
import { signIn } from "./fixtures";

// An admin builds a dataset with a section pasted in bulk, restricts it to the Finance department and
// publishes it; an Engineering employee does not see it, a Finance user does.

test("a dataset restricted to Finance is seen by Finance only", async ({ page, browser }) => {
  const name = `Cost centres ${Date.now().toString(36)}`;
  await page.setViewportSize({ width: 1280, height: 1400 });
  await signIn(page, "admin@acme.com");
  await page.goto("/datasets");
  await expect(page.getByRole("heading", { name: "Datasets" })).toBeVisible();
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Category").fill("Finance");
  await page.getByRole("button", { name: "Create dataset" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();

  await page.getByRole("button", { name: "+ Add section" }).click();
  await page.getByLabel("Section 1 title").fill("Centres");
  await expect(page.getByLabel("Section 1 key")).toHaveValue("centres");
  await page.getByLabel(/Paste items/).fill("cc100|Head office\ncc200|Warehouse\nField sales\ncc100|Again");
  await page.getByRole("button", { name: "Add pasted items" }).click();
  await expect(page.getByText('Line 4: the value "cc100" is already listed')).toBeVisible();
  await expect(page.getByLabel("Item 3 value")).toHaveValue("field_sales");

  // A duplicate typed by hand is flagged at once and refused on save.
  await page.getByRole("button", { name: "+ Add item" }).click();
  await page.getByLabel("Item 4 value").fill("cc200");
  await page.getByLabel("Item 4 label").fill("Duplicate");
  await expect(page.getByText('"cc200" is listed twice').first()).toBeVisible();
  await page.getByRole("button", { name: "Save dataset" }).click();
  await expect(page.getByText('The value "cc200" is listed twice')).toBeVisible();
  await page.getByRole("button", { name: "Remove item 4" }).click();

  await page.getByRole("group", { name: "Departments" }).getByLabel("Finance").check();
  await page.screenshot({ path: "test-results/screens/datasets-editor.png", fullPage: true });
  await page.getByRole("button", { name: "Save dataset" }).click();
  await expect(page.getByText("Dataset saved").first()).toBeVisible();
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published", { exact: true })).toBeVisible();

  // Someone saves it through the API meanwhile: saving here warns and offers a reload instead of overwriting.
  const id = new URL(page.url()).pathname.split("/").at(-1)!;
  const current = await (await page.request.get(`/api/v1/datasets/${id}`)).json();
  const elsewhere = await page.request.put(`/api/v1/datasets/${id}`, { data: { name, category: "Finance", description: "Changed elsewhere", sections: current.sections, visibility: current.visibility } });
  expect(elsewhere.status()).toBe(200);
  await page.getByLabel("Description").fill("Mine");
  await page.getByRole("button", { name: "Save dataset" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Someone else saved this dataset" })).toBeVisible();
  await page.getByRole("button", { name: "Reload the dataset" }).click();
  await expect(page.getByLabel("Description")).toHaveValue("Changed elsewhere");

  await page.goto("/datasets");
  const row = page.getByRole("row", { name: new RegExp(name) });
  await expect(row).toContainText("Published");
  await expect(row).toContainText("1 / 3");
  await expect(row).toContainText("Finance (department)");
  await page.screenshot({ path: "test-results/screens/datasets-list.png", fullPage: true });

  const employee = await (await browser.newContext()).newPage();
  await signIn(employee, "employee@acme.com");
  await employee.goto("/datasets");
  await expect(employee.getByRole("heading", { name: "Datasets" })).toBeVisible();
  await expect(employee.getByText(name)).toHaveCount(0);

  const finance = await (await browser.newContext()).newPage();
  await signIn(finance, "finance@acme.com");
  await finance.goto("/datasets");
  await expect(finance.getByRole("link", { name })).toBeVisible();
});
