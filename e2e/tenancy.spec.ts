import { expect, test, type APIRequestContext } from "@playwright/test";
import { createOtherCompany, idOf } from "./db";
import { expectDashboard, signIn } from "./fixtures";

// A user of one company can never read anything of another: foreign ids answer exactly like ids that
// do not exist, and lists hold only the caller's company.

const RANDOM_ID = "00000000-0000-4000-8000-000000000000";

async function problem(request: APIRequestContext, path: string) {
  const response = await request.get(path);
  const body = await response.json();
  return { status: response.status(), title: body.title, detail: body.detail };
}

test("a user of another company sees nothing of Acme, and Acme nothing of theirs", async ({ page }) => {
  const other = await createOtherCompany(`globex${Date.now()}`);
  const acmeFlowId = await idOf(`SELECT f.id FROM flows f JOIN companies c ON c.id = f."companyId" WHERE c.slug = 'acme' LIMIT 1`, []);
  const acmeAdminId = await idOf(`SELECT id FROM users WHERE email = 'admin@acme.com'`, []);

  await signIn(page, other.adminEmail, other.adminPassword);
  await expectDashboard(page);
  await expect(page.getByTestId("company-name")).toHaveText(/^Other globex/);
  await expect(page.getByTestId("stat-flows")).toHaveText("0");
  await page.screenshot({ path: "test-results/screens/other-company-dashboard.png", fullPage: true });

  const me = await (await page.request.get("/api/v1/me")).json();
  expect(me.companyId).toBe(other.companyId);

  const flows = await (await page.request.get("/api/v1/flows")).json();
  expect(flows.data.map((flow: { id: string }) => flow.id)).toEqual([other.flowId]);
  const users = await (await page.request.get("/api/v1/users")).json();
  expect(users.data.map((user: { email: string }) => user.email)).toEqual([other.adminEmail]);

  // Foreign and unknown ids: the same 404, so the API is no existence oracle.
  const foreignFlow = await problem(page.request, `/api/v1/flows/${acmeFlowId}`);
  const unknownFlow = await problem(page.request, `/api/v1/flows/${RANDOM_ID}`);
  expect(foreignFlow).toEqual({ status: 404, title: "Not found", detail: "Flow not found." });
  expect(unknownFlow).toEqual(foreignFlow);
  const foreignUser = await problem(page.request, `/api/v1/users/${acmeAdminId}`);
  expect(foreignUser).toEqual(await problem(page.request, `/api/v1/users/${RANDOM_ID}`));
  expect(foreignUser.status).toBe(404);

  // And the other way round.
  await page.getByRole("button", { name: "Sign out" }).click();
  await signIn(page, "admin@acme.com");
  await expectDashboard(page);
  expect((await problem(page.request, `/api/v1/flows/${other.flowId}`)).status).toBe(404);
  expect((await problem(page.request, `/api/v1/users/${other.adminId}`)).status).toBe(404);
  const acmeFlows = await (await page.request.get("/api/v1/flows")).json();
  expect(acmeFlows.data.map((flow: { id: string }) => flow.id)).not.toContain(other.flowId);
});

test("permissions are enforced by the server: an employee cannot list users", async ({ page }) => {
  await signIn(page, "employee@acme.com");
  await expectDashboard(page);
  const response = await page.request.get("/api/v1/users");
  expect(response.status()).toBe(403);
  expect(await response.json()).toMatchObject({ status: 403, permission: "users.view" });
  // …while a manager can.
  await page.getByRole("button", { name: "Sign out" }).click();
  await signIn(page, "manager@acme.com");
  await expectDashboard(page);
  expect((await page.request.get("/api/v1/users")).status()).toBe(200);
});

test("malformed input gets a clear 4xx, never a 500", async ({ page }) => {
  await signIn(page, "admin@acme.com");
  await expectDashboard(page);
  expect((await problem(page.request, "/api/v1/flows/not-a-uuid")).status).toBe(404);
  const badPage = await page.request.get("/api/v1/users?limit=100000");
  expect(badPage.status()).toBe(422);
  expect((await badPage.json()).errors).toHaveProperty("limit");
});
