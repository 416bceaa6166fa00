import { expect, test } from "@playwright/test";
import { expectDashboard, signIn } from "./fixtures";

// An admin sets up structure: departments, a role with permissions, company branding, an API key —
// and finds every change in the audit log.

test("an admin builds a department tree, refuses a cycle, and deletes safely", async ({ page }) => {
  const suffix = Date.now().toString(36);
  await signIn(page, "admin@acme.com");
  await expectDashboard(page);
  await page.getByRole("link", { name: "Departments" }).click();
  await expect(page.getByRole("heading", { name: "Departments" })).toBeVisible();

  const create = async (name: string, parent?: string) => {
    const form = page.getByRole("form", { name: "New department" });
    await form.getByLabel("Name").fill(name);
    if (parent) await form.getByLabel("Parent department").selectOption({ label: parent });
    await form.getByRole("button", { name: "Create department" }).click();
    await expect(page.getByRole("heading", { name, level: 2 })).toBeVisible();
  };
  await create(`Operations ${suffix}`);
  await create(`Logistics ${suffix}`, `Operations ${suffix}`);
  await create(`Fleet ${suffix}`, `\u00a0\u00a0Logistics ${suffix}`);

  // Moving Operations under its own grandchild is not even offered, and the API refuses it too.
  await page.getByRole("link", { name: new RegExp(`^└?Operations ${suffix}`) }).click();
  await expect(page.getByRole("heading", { name: `Operations ${suffix}`, level: 2 })).toBeVisible();
  const moveSelect = page.getByLabel("Move under");
  await expect(moveSelect.locator("option", { hasText: `Fleet ${suffix}` })).toHaveCount(0);
  const departments = await (await page.request.get("/api/v1/departments?limit=200")).json();
  const byName = (name: string) => departments.data.find((row: { name: string }) => row.name === name);
  const refused = await page.request.patch(`/api/v1/departments/${byName(`Operations ${suffix}`).id}`, { data: { parentId: byName(`Fleet ${suffix}`).id } });
  expect(refused.status()).toBe(422);
  expect((await refused.json()).detail).toContain("Cannot move a department under its own sub-department");

  // Move Logistics to the top level with the picker.
  await page.getByRole("link", { name: new RegExp(`Logistics ${suffix}`) }).click();
  await expect(page.getByRole("heading", { name: `Logistics ${suffix}`, level: 2 })).toBeVisible();
  await page.getByLabel("Move under").selectOption({ label: "— Top level —" });
  await page.getByRole("button", { name: "Move", exact: true }).click();
  await expect(page.getByText("Department moved")).toBeVisible();
  await page.screenshot({ path: "test-results/screens/departments.png", fullPage: true });

  // Deleting Logistics asks where Fleet goes.
  await page.getByRole("button", { name: "Delete department" }).click();
  await expect(page.getByText(/1 sub-department\(s\)/)).toBeVisible();
  await page.getByLabel("Move them to").selectOption({ label: `Operations ${suffix}` });
  await page.screenshot({ path: "test-results/screens/department-delete.png", fullPage: true });
  await page.getByRole("button", { name: "Move and delete" }).click();
  await expect(page.getByText(`Logistics ${suffix} deleted`)).toBeVisible();
  await expect(page.getByRole("link", { name: new RegExp(`Fleet ${suffix}`) })).toBeVisible();

  // Every step is in the audit log.
  await page.getByRole("link", { name: "Audit log" }).click();
  await page.getByLabel("Entity").selectOption("Department");
  await page.getByRole("button", { name: "Filter" }).click();
  for (const action of ["department.created", "department.moved", "department.deleted"]) {
    await expect(page.getByRole("cell", { name: action }).first()).toBeVisible();
  }
  await page.screenshot({ path: "test-results/screens/audit-log.png", fullPage: true });
  const csv = await page.request.get("/api/v1/audit/export?entity=Department");
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(await csv.text()).toContain("department.moved");
});

test("an admin creates a role and grants it permissions with the matrix", async ({ page }) => {
  const name = `Auditor ${Date.now().toString(36)}`;
  await signIn(page, "admin@acme.com");
  await page.goto("/organisation/roles");
  const form = page.getByRole("form", { name: "New role" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Description").fill("Reads the books");
  await form.getByRole("button", { name: "Create role" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await page.getByRole("button", { name: "Grant every action on Audit log" }).click();
  await page.getByLabel("records.view").check();
  await page.getByRole("button", { name: "Save permissions" }).click();
  await expect(page.getByText("Permissions saved")).toBeVisible();
  await expect(page.getByText("8 permissions granted")).toBeVisible();
  await page.screenshot({ path: "test-results/screens/role-matrix.png", fullPage: true });
  await page.reload();
  await expect(page.getByLabel("audit.export")).toBeChecked();
  await expect(page.getByLabel("users.update")).not.toBeChecked();
});

test("company branding: colours with a live preview, a validated logo, applied to the shell", async ({ page }) => {
  await signIn(page, "admin@acme.com");
  await page.goto("/settings");
  await page.getByLabel("Primary colour", { exact: true }).fill("#16A34A");
  await expect(page.getByTestId("branding-preview").getByText("Primary button")).toHaveCSS("background-color", "rgb(22, 163, 74)");
  await page.getByLabel("Logo").setInputFiles("e2e/logo.png");
  await page.screenshot({ path: "test-results/screens/settings.png", fullPage: true });
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved")).toBeVisible();
  await page.goto("/");
  await expect(page.locator("aside img")).toBeVisible();
  // A file that only claims to be an image is refused by its bytes, on the server.
  await page.goto("/settings");
  await page.getByLabel("Logo").setInputFiles({ name: "evil.png", mimeType: "image/png", buffer: Buffer.from("<html><script>alert(1)</script></html>") });
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText(/This kind of file is not allowed here/).first()).toBeVisible();
  // Restore the demo colour for the other tests.
  await page.getByLabel("Primary colour", { exact: true }).fill("#2563EB");
  await page.getByRole("button", { name: "Remove logo" }).click();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved")).toBeVisible();
});

test("an API key works as a bearer token with its scopes, and stops when revoked", async ({ page, playwright, baseURL }) => {
  await signIn(page, "admin@acme.com");
  await page.goto("/settings/api-keys");
  const name = `Sync ${Date.now().toString(36)}`;
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("departments.view").check();
  await page.getByRole("button", { name: "Create API key" }).click();
  const token = (await page.getByTestId("api-key-token").textContent())!.trim();
  expect(token).toMatch(/^fr_[a-z0-9]{8}_/);
  await page.screenshot({ path: "test-results/screens/api-keys.png", fullPage: true });

  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
  expect((await api.get("/api/v1/departments")).status()).toBe(200);
  expect((await api.get("/api/v1/roles")).status()).toBe(403); // not in its scopes
  expect((await api.post("/api/v1/departments", { data: { name: "Nope" } })).status()).toBe(403);

  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("row", { name: new RegExp(name) }).getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByText("Key revoked")).toBeVisible();
  expect((await api.get("/api/v1/departments")).status()).toBe(401);
  await api.dispose();
});

test("a developer creates a company and switches into it", async ({ page }) => {
  const slug = `initech-${Date.now().toString(36)}`;
  await signIn(page, "developer@flowright.dev");
  await page.goto("/settings");
  const form = page.getByRole("form", { name: "New company" });
  await form.getByLabel("Company name").fill("Initech");
  await form.getByLabel("Slug").fill(slug);
  await form.getByRole("button", { name: "Create company" }).click();
  await expect(page.getByText("Initech created")).toBeVisible();
  await page.getByRole("button", { name: "Switch to Initech" }).click();
  await expect(page.getByTestId("company-name")).toHaveText("Initech");
  await expect(page.getByTestId("stat-flows")).toHaveText("0");
  // …and back.
  await page.goto("/settings");
  await page.getByRole("button", { name: "Switch to Acme Corporation" }).click();
  await expect(page.getByTestId("company-name")).toHaveText("Acme Corporation");
});
