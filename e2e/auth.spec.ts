import { expect, test } from "@playwright/test";
import { attemptSignIn, expectDashboard, signIn } from "./fixtures";

const ROLES = [
  { email: "developer@flowright.dev", name: "Alex Developer", role: "Developer" },
  { email: "admin@acme.com", name: "Sarah Admin", role: "Admin" },
  { email: "manager@acme.com", name: "Mike Manager", role: "Manager" },
  { email: "finance@acme.com", name: "Fiona Finance", role: "Manager" },
  { email: "employee@acme.com", name: "Emma Employee", role: "Employee" },
];

test("a signed-out visitor is sent to the sign-in page", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole("heading", { name: "Sign in to Flowright" })).toBeVisible();
  await page.screenshot({ path: "test-results/screens/sign-in.png", fullPage: true });
});

for (const user of ROLES) {
  test(`${user.role} ${user.email} signs in, sees the dashboard and signs out`, async ({ page }) => {
    await signIn(page, user.email);
    await expectDashboard(page);
    await expect(page.getByTestId("user-name")).toHaveText(user.name);
    await expect(page.getByTestId("user-role")).toHaveText(user.role);
    await expect(page.getByTestId("company-name")).toHaveText("Acme Corporation");
    await expect(page.getByTestId("stat-flows")).toHaveText("1");
    if (user.email === "admin@acme.com") await page.screenshot({ path: "test-results/screens/dashboard.png", fullPage: true });

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    // The session is revoked server-side: the app is closed again.
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in/);
  });
}

test("a wrong password shows one message that does not say which part was wrong", async ({ page }) => {
  await attemptSignIn(page, "admin@acme.com", "not-the-password");
  await expect(page.getByTestId("sign-in-error")).toHaveText("Wrong email or password.");
  await expect(page.getByLabel("Email")).toHaveValue("admin@acme.com");
  await attemptSignIn(page, "nobody@acme.com", "not-the-password");
  await expect(page.getByTestId("sign-in-error")).toHaveText("Wrong email or password.");
  await page.screenshot({ path: "test-results/screens/sign-in-error.png", fullPage: true });
});

test("the dashboard works on a phone-sized screen", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, "employee@acme.com");
  await expectDashboard(page);
  await page.getByRole("button", { name: "Open navigation" }).click();
  await expect(page.getByRole("link", { name: "Dashboard" })).toBeVisible();
  await page.screenshot({ path: "test-results/screens/dashboard-phone.png", fullPage: true });
});

test("API calls without a session get 401 problem JSON", async ({ request }) => {
  const response = await request.get("/api/v1/me");
  expect(response.status()).toBe(401);
  expect(response.headers()["content-type"]).toContain("application/problem+json");
  const body = await response.json();
  expect(body).toMatchObject({ status: 401, title: "Authentication required" });
});

test("the health route reports the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", database: "ok" });
});
