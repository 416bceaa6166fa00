import { expect, test } from "@playwright/test";
import { signIn } from "./fixtures";

// An employee fills in the demo Expense Approval form on a phone-sized screen: sees the errors,
// uploads a receipt, submits. The admin finds the submission, reads it and exports CSV.

test("an employee fills the expense form and the admin sees and exports it", async ({ page, browser }) => {
  const name = `Emma ${Date.now().toString(36)}`;
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, "employee@acme.com");
  await page.goto("/forms");
  await expect(page.getByRole("heading", { name: "Forms" })).toBeVisible();
  await page.screenshot({ path: "test-results/screens/forms-list-phone.png", fullPage: true });
  await page.getByRole("link", { name: "Fill in Expense Approval Form" }).click();
  await expect(page.getByRole("heading", { name: "Expense Approval Form" })).toBeVisible();

  await page.getByLabel("Employee Name").fill(name);
  await page.getByLabel("Amount").fill("-5");
  await page.getByLabel("Category").selectOption("travel");
  await page.getByRole("button", { name: "Submit" }).click();
  const summary = page.getByRole("alert").filter({ hasText: /There (is a problem|are \d+ problems)/ });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link", { name: /Amount: Amount must be at least 0/ })).toBeVisible();
  await expect(summary.getByRole("link", { name: /Receipt: Receipt is required/ })).toBeVisible();
  await expect(page.getByLabel("Amount")).toHaveAttribute("aria-invalid", "true");
  await page.screenshot({ path: "test-results/screens/forms-fill-errors-phone.png", fullPage: true });

  // Fixing the amount leaves the receipt; the entered values stay.
  await page.getByLabel("Amount").fill("150");
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(page.getByRole("link", { name: /Amount:/ })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /Receipt: Receipt is required/ })).toBeVisible();
  await expect(page.getByLabel("Employee Name")).toHaveValue(name);
  await page.getByRole("link", { name: /Receipt: Receipt is required/ }).click();
  await expect(page.getByLabel("Receipt")).toBeFocused();

  await page.getByLabel("Receipt").setInputFiles("e2e/logo.png");
  await expect(page.getByRole("link", { name: "logo.png" })).toBeVisible();
  await page.screenshot({ path: "test-results/screens/forms-fill-upload-phone.png", fullPage: true });
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(page.getByText("Thank you — your answers were submitted.")).toBeVisible();

  // The admin sees it in the submissions, reads it with its version and exports CSV.
  const admin = await browser.newPage();
  await signIn(admin, "admin@acme.com");
  await admin.goto("/forms");
  await admin.getByRole("link", { name: "Expense Approval Form" }).first().click();
  await expect(admin.getByRole("heading", { name: "Versions", exact: true })).toBeVisible();
  await admin.screenshot({ path: "test-results/screens/forms-overview.png", fullPage: true });
  await admin.getByRole("link", { name: /Submissions/ }).click();
  await expect(admin.getByRole("heading", { name: /submissions/ })).toBeVisible();
  await admin.screenshot({ path: "test-results/screens/forms-submissions.png", fullPage: true });
  await admin.getByRole("link", { name: /View submission by Emma Employee/ }).first().click();
  await expect(admin.getByText(name)).toBeVisible();
  await expect(admin.getByRole("link", { name: "logo.png" })).toBeVisible();
  await expect(admin.getByText("150.00 USD")).toBeVisible();
  await admin.screenshot({ path: "test-results/screens/forms-submission-detail.png", fullPage: true });

  await admin.goBack();
  const href = await admin.getByRole("link", { name: "Export CSV" }).getAttribute("href");
  const csv = await admin.request.get(href!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const text = await csv.text();
  expect(text.split("\n")[0]).toContain("Employee Name");
  expect(text).toContain(name);
  expect(text).toMatch(/\/api\/files\/[0-9a-f-]{36}/);

  // The employee cannot export; the API refuses foreign file ids in a submission.
  const refused = await page.request.get(href!);
  expect(refused.status()).toBe(403);
});

test("the upload API refuses oversize bodies before reading them and sniffs types", async ({ page }) => {
  await signIn(page, "employee@acme.com");
  // Past the body limit (declared by Content-Length) the answer is 413, before any file is stored.
  const huge = await page.request.post("/api/v1/files", { multipart: { file: { name: "huge.txt", mimeType: "text/plain", buffer: Buffer.alloc(61 * 1024 * 1024, 97) } } });
  expect(huge.status()).toBe(413);
  const oversize = await page.request.post("/api/v1/files?maxSizeMb=1", { multipart: { file: { name: "big.txt", mimeType: "text/plain", buffer: Buffer.alloc(1_100_000, 97) } } });
  expect(oversize.status()).toBe(422);
  const fake = await page.request.post("/api/v1/files", { multipart: { file: { name: "../../evil.png", mimeType: "image/png", buffer: Buffer.from([0x4d, 0x5a, 0x00, 0x00, 0x01]) } } });
  expect(fake.status()).toBe(422);
  const ok = await page.request.post("/api/v1/files?maxSizeMb=1", { multipart: { file: { name: "../../notes.txt", mimeType: "text/plain", buffer: Buffer.from("hello") } } });
  expect(ok.status()).toBe(201);
  const [file] = await ok.json();
  expect(file).toMatchObject({ originalName: "notes.txt", mimetype: "text/plain", size: 5 });
});
