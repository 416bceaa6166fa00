import { expect, test } from "@playwright/test";
import { idOf } from "./db";
import { expectDashboard, signIn } from "./fixtures";

// The whole life of an invited person: an admin invites them from the People page, the mail lands in
// the outbox (no SMTP in tests), the invitee follows the link, chooses a name and password, signs in —
// and when the admin deactivates them, their open session stops working at once.

test("an admin invites a person who joins through the outbox link, then deactivates them", async ({ page, browser }) => {
  const suffix = Date.now().toString(36);
  const email = `nina.${suffix}@acme.com`;
  const password = "a long and lovely passphrase";
  const newPassword = "an even longer and lovelier passphrase";

  await signIn(page, "admin@acme.com");
  await expectDashboard(page);
  await page.getByRole("link", { name: "People" }).click();
  await expect(page.getByRole("heading", { name: "People", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "Sarah Admin" })).toBeVisible();
  await page.screenshot({ path: "test-results/screens/people.png", fullPage: true });

  // Invite with the Finance role.
  await page.getByRole("button", { name: "Invite someone" }).click();
  const form = page.getByRole("form", { name: "Invite someone" });
  await form.getByLabel("Email").fill(email.toUpperCase());
  await form.getByLabel("Department").selectOption({ label: "Finance" });
  await form.getByRole("checkbox", { name: "Finance" }).check();
  await page.screenshot({ path: "test-results/screens/people-invite.png", fullPage: true });
  await form.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invitation for ${email} is in the outbox`)).toBeVisible();

  // Inviting an email that already has an account is a field error.
  await form.getByLabel("Email").fill("employee@acme.com");
  await form.getByRole("button", { name: "Send invitation" }).click();
  await expect(form.locator("#invite-email-error")).toHaveText("Someone with this email already has an account.");

  await page.getByRole("link", { name: /pending invitation/ }).click();
  await expect(page.getByRole("table", { name: "Pending invitations" }).getByRole("cell", { name: email, exact: true })).toBeVisible();
  await page.screenshot({ path: "test-results/screens/people-invitations.png", fullPage: true });

  // The outbox has the mail; its plain-text link is the way in.
  await page.goto("/admin/outbox");
  await expect(page.getByRole("heading", { name: "Mail outbox" })).toBeVisible();
  await page.screenshot({ path: "test-results/screens/outbox.png", fullPage: true });
  await page.getByRole("row", { name: new RegExp(email.replace(/\./g, "\\.")) }).first().getByRole("link").click();
  await expect(page.getByRole("heading", { name: "You're invited to join Acme Corporation on Flowright" })).toBeVisible();
  await expect(page.frameLocator("iframe[title='HTML body of the mail']").getByText("Accept the invitation")).toBeVisible();
  await page.screenshot({ path: "test-results/screens/outbox-mail.png", fullPage: true });
  const link = page.getByRole("link", { name: /\/invitations\// });
  const invitationUrl = (await link.getAttribute("href"))!;
  expect(invitationUrl).toMatch(/\/invitations\/[A-Za-z0-9_-]{43}$/);

  // The invitee, in their own browser.
  const inviteeContext = await browser.newContext();
  const invitee = await inviteeContext.newPage();
  await invitee.goto(invitationUrl);
  await expect(invitee.getByRole("heading", { name: "Join Acme Corporation" })).toBeVisible();
  await expect(invitee.getByText(email)).toBeVisible();
  await invitee.getByLabel("First name").fill("Nina");
  await invitee.getByLabel("Last name").fill("Newcomer");
  await invitee.getByLabel("Password", { exact: true }).fill("password");
  await invitee.getByLabel("Confirm password").fill("password");
  await invitee.getByRole("button", { name: "Create my account" }).click();
  await expect(invitee.getByText("This password is too common; choose another one")).toBeVisible();
  await invitee.getByLabel("Password", { exact: true }).fill(password);
  await invitee.getByLabel("Confirm password").fill(password);
  await invitee.screenshot({ path: "test-results/screens/invitation-accept.png", fullPage: true });
  await invitee.getByRole("button", { name: "Create my account" }).click();
  await expect(invitee.getByText("Your account is ready")).toBeVisible();
  await invitee.screenshot({ path: "test-results/screens/invitation-accepted.png", fullPage: true });

  // The link was single use.
  await invitee.goto(invitationUrl);
  await expect(invitee.getByRole("heading", { name: "Invitation unavailable" })).toBeVisible();
  await invitee.screenshot({ path: "test-results/screens/invitation-used.png", fullPage: true });

  await signIn(invitee, email, password);
  await expectDashboard(invitee);
  await expect(invitee.getByTestId("user-name")).toHaveText("Nina Newcomer");

  // The admin finds them with the Finance role and deactivates them.
  await page.goto("/organisation/users");
  await page.getByRole("searchbox", { name: "Search" }).fill(email);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/q=nina/);
  await expect(page.getByText("1–1 of 1 person")).toBeVisible();
  await page.getByRole("link", { name: "Nina Newcomer" }).click();
  await expect(page.getByRole("heading", { name: "Nina Newcomer" })).toBeVisible();
  const detailUrl = page.url();
  await expect(page.getByRole("checkbox", { name: "Finance" })).toBeChecked();
  await expect(page.getByLabel("Department")).toHaveValue(await idOf(`SELECT d.id FROM departments d JOIN companies c ON c.id = d."companyId" WHERE c.slug = 'acme' AND d.name = 'Finance'`, []));
  await expect(page.getByText("user.created")).toBeVisible();
  await page.screenshot({ path: "test-results/screens/user-detail.png", fullPage: true });

  // The invitee's own profile.
  await invitee.goto("/profile");
  await expect(invitee.getByRole("heading", { name: "My profile" })).toBeVisible();
  await invitee.screenshot({ path: "test-results/screens/profile.png", fullPage: true });

  // An admin-triggered password reset: the link from the outbox sets a new password and ends every session.
  await page.getByRole("button", { name: "Send password reset link" }).click();
  await expect(page.getByText("Password reset link is in the outbox")).toBeVisible();
  await page.goto("/admin/outbox");
  await page.getByRole("row", { name: new RegExp(`${email.replace(/\./g, "\\.")}.*Reset your Flowright password`) }).getByRole("link").click();
  const resetUrl = (await page.getByRole("link", { name: /\/reset-password\// }).getAttribute("href"))!;
  await invitee.goto(resetUrl);
  await expect(invitee.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await invitee.getByLabel("New password", { exact: true }).fill(newPassword);
  await invitee.getByLabel("Confirm password").fill(newPassword);
  await invitee.screenshot({ path: "test-results/screens/reset-password.png", fullPage: true });
  await invitee.getByRole("button", { name: "Set new password" }).click();
  await expect(invitee.getByText("Your password has been changed")).toBeVisible();
  await invitee.goto("/");
  await expect(invitee).toHaveURL(/\/sign-in/);
  await signIn(invitee, email, newPassword);
  await expectDashboard(invitee);

  await page.goto(detailUrl);
  await page.getByRole("button", { name: "Deactivate…" }).click();
  await page.getByRole("button", { name: "Deactivate", exact: true }).click();
  await expect(page.getByText("Nina Newcomer deactivated; 1 session(s) ended")).toBeVisible();
  await expect(page.getByText("user.password_reset", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Reactivate" })).toBeVisible();
  await expect(page.getByText("user.deactivated")).toBeVisible();

  // The invitee's open session has stopped working.
  await invitee.reload();
  await expect(invitee).toHaveURL(/\/sign-in/);
  expect((await invitee.request.get("/api/v1/me")).status()).toBe(401);
  await inviteeContext.close();

  // The admin finds the whole story in the audit log.
  await page.goto("/audit");
  await page.getByLabel("Entity").selectOption("Invitation");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByRole("cell", { name: "invitation.created" }).first()).toBeVisible();
  await expect(page.getByRole("cell", { name: "invitation.accepted" }).first()).toBeVisible();
  await page.getByLabel("Entity").selectOption("User");
  await page.getByRole("button", { name: "Filter" }).click();
  for (const action of ["user.created", "user.password_reset_requested", "user.deactivated"]) {
    await expect(page.getByRole("cell", { name: action, exact: true }).first()).toBeVisible();
  }
  await page.screenshot({ path: "test-results/screens/audit-invitation-story.png", fullPage: true });
});

test("the last admin cannot be demoted or deactivated, and the API refuses unknown fields", async ({ page }) => {
  await signIn(page, "admin@acme.com");
  await expectDashboard(page);
  const adminId = await idOf(`SELECT id FROM users WHERE email = 'admin@acme.com'`, []);

  const demote = await page.request.patch(`/api/v1/users/${adminId}`, { data: { systemRole: "MANAGER" } });
  expect(demote.status()).toBe(409);
  expect((await demote.json()).detail).toMatch(/last active admin/);
  expect((await page.request.post(`/api/v1/users/${adminId}/deactivate`)).status()).toBe(409);

  const unknownKey = await page.request.post("/api/v1/users", { data: { email: "someone@acme.com", isAdmin: true } });
  expect(unknownKey.status()).toBe(422);
  const invited = await page.request.post("/api/v1/users", { data: { email: `api.${Date.now().toString(36)}@acme.com` } });
  expect(invited.status()).toBe(201);
  const invitation = await invited.json();
  expect(invitation).toMatchObject({ systemRole: "EMPLOYEE", status: "pending" });
  expect(JSON.stringify(invitation)).not.toMatch(/token/i);
  const listed = await (await page.request.get("/api/v1/invitations")).json();
  expect(listed.data.map((row: { id: string }) => row.id)).toContain(invitation.id);
  expect((await page.request.delete(`/api/v1/invitations/${invitation.id}`)).status()).toBe(200);
  expect((await page.request.delete(`/api/v1/invitations/${invitation.id}`)).status()).toBe(409);

  // In the UI, the same rule shows as a message.
  await page.goto(`/organisation/users/${adminId}`);
  await page.getByLabel("System role").selectOption("MANAGER");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("form", { name: "Edit person" }).getByRole("alert")).toContainText("last active admin");
});

test("only admins see the outbox", async ({ page }) => {
  await signIn(page, "manager@acme.com");
  await expectDashboard(page);
  await page.goto("/admin/outbox");
  await expect(page).toHaveURL(/\/forbidden/);
});
