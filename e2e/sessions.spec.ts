import { expect, test } from "@playwright/test";
import { withDb } from "./db";
import { attemptSignIn, expectDashboard, signIn } from "./fixtures";

// Sessions are server-side records: deactivating a user ends the sessions they already have.
test("a deactivated user is signed out at once and cannot sign in again", async ({ page }) => {
  await signIn(page, "employee2@acme.com");
  await expectDashboard(page);

  await withDb((client) => client.query(`UPDATE users SET "isActive" = false WHERE email = 'employee2@acme.com'`));
  try {
    await page.reload();
    await expect(page).toHaveURL(/\/sign-in/);
    expect((await page.request.get("/api/v1/me")).status()).toBe(401);

    await attemptSignIn(page, "employee2@acme.com");
    await expect(page.getByTestId("sign-in-error")).toHaveText("Wrong email or password.");
  } finally {
    await withDb((client) => client.query(`UPDATE users SET "isActive" = true WHERE email = 'employee2@acme.com'`));
  }
});
