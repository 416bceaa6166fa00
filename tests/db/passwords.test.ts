// Passwords on real PostgreSQL: admin-triggered reset links (hashed, single use, one hour) and a
// person changing their own password and name.
import { afterAll, describe, expect, it } from "vitest";
import { loadPrincipal } from "@/lib/auth/session";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { db } from "@/lib/db";
import { changeOwnPassword, resetPasswordWithToken, updateOwnProfile } from "@/lib/org/users/account-service";
import { deactivateUser, requestPasswordReset } from "@/lib/org/users/service";
import { hashLinkToken } from "@/lib/org/users/tokens";
import { contextFor, createCompany, createUser, TEST_PASSWORD } from "../support/fixtures";
import { openSession, rejection } from "../support/outcomes";

afterAll(() => db.$disconnect());

const meta = { ipAddress: "203.0.113.9", userAgent: "vitest" };

function resetTokenFrom(text: string | null): string {
  const match = /\/reset-password\/([A-Za-z0-9_-]{43})/.exec(text ?? "");
  if (!match) throw new Error(`no reset link in ${text}`);
  return match[1]!;
}

describe("password reset by an admin", () => {
  it("emails a single-use link stored only as its sha256; using it sets the password and ends every session", async () => {
    const company = await createCompany(db);
    const admin = await createUser(db, company, { systemRole: "ADMIN" });
    const person = await createUser(db, company);
    const session = await openSession(db, company, person);
    const { mail } = await requestPasswordReset(contextFor(company, admin.id), { id: person.id });
    const message = await db.mailMessage.findUniqueOrThrow({ where: { id: mail.id } });
    expect(message).toMatchObject({ companyId: company.id, to: [person.email], transport: "capture" });
    const token = resetTokenFrom(message.text);
    const stored = await db.passwordResetToken.findFirstOrThrow({ where: { userId: person.id } });
    expect(stored.tokenHash).toBe(hashLinkToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored.expiresAt.getTime() - Date.now()).toBeGreaterThan(59 * 60_000);
    expect(stored.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(60 * 60_000);

    await resetPasswordWithToken({ token, password: "a brand new secret", confirmPassword: "a brand new secret" }, meta);
    expect(await loadPrincipal(session.id)).toBeNull();
    expect((await signInWithPassword({ email: person.email, password: "a brand new secret" }, meta)).ok).toBe(true);
    expect((await rejection(resetPasswordWithToken({ token, password: "another new secret", confirmPassword: "another new secret" }, meta))).code).toBe("NOT_FOUND");
    const actions = (await db.auditLog.findMany({ where: { companyId: company.id, entityId: person.id }, orderBy: { createdAt: "asc" } })).map((entry) => entry.action);
    expect(actions).toEqual(["user.password_reset_requested", "user.password_reset", "auth.signed_in"]);
  });

  it("refuses an expired link, a superseded link and a link of a deactivated person", async () => {
    const company = await createCompany(db);
    const admin = await createUser(db, company, { systemRole: "ADMIN" });
    const person = await createUser(db, company);
    const ctx = contextFor(company, admin.id);
    const input = (token: string) => ({ token, password: "a brand new secret", confirmPassword: "a brand new secret" });
    const tokenOf = async (mailId: string) => resetTokenFrom((await db.mailMessage.findUniqueOrThrow({ where: { id: mailId } })).text);

    const first = await tokenOf((await requestPasswordReset(ctx, { id: person.id })).mail.id);
    const second = await tokenOf((await requestPasswordReset(ctx, { id: person.id })).mail.id);
    expect((await rejection(resetPasswordWithToken(input(first), meta))).code).toBe("NOT_FOUND");

    await db.passwordResetToken.updateMany({ where: { userId: person.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await rejection(resetPasswordWithToken(input(second), meta))).code).toBe("NOT_FOUND");

    const third = await tokenOf((await requestPasswordReset(ctx, { id: person.id })).mail.id);
    await deactivateUser(ctx, { id: person.id });
    expect((await rejection(resetPasswordWithToken(input(third), meta))).code).toBe("NOT_FOUND");
    expect((await rejection(requestPasswordReset(ctx, { id: person.id }))).code).toBe("CONFLICT");
    expect((await signInWithPassword({ email: person.email, password: TEST_PASSWORD }, meta)).ok).toBe(false);
  });
});

describe("my profile", () => {
  it("changes the own password only with the current one, ending the other sessions but not this one", async () => {
    const company = await createCompany(db);
    const person = await createUser(db, company);
    const [current, other] = [await openSession(db, company, person), await openSession(db, company, person)];
    const ctx = contextFor(company, person.id);
    const wrong = await rejection(changeOwnPassword(ctx, { currentPassword: "not it", password: "my new password", confirmPassword: "my new password" }, { keepSessionId: current.id }));
    expect(wrong.fieldErrors?.currentPassword).toEqual(["Your current password is not correct."]);
    const result = await changeOwnPassword(ctx, { currentPassword: TEST_PASSWORD, password: "my new password", confirmPassword: "my new password" }, { keepSessionId: current.id });
    expect(result.otherSessionsRevoked).toBe(1);
    expect(await loadPrincipal(current.id)).not.toBeNull();
    expect(await loadPrincipal(other.id)).toBeNull();
    const hash = (await db.user.findUniqueOrThrow({ where: { id: person.id } })).passwordHash;
    expect(hash).toMatch(/^\$argon2id\$/);
    expect((await signInWithPassword({ email: person.email, password: "my new password" }, meta)).ok).toBe(true);

    await updateOwnProfile(ctx, { firstName: "Newly", lastName: "Named" });
    expect(await db.user.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({ firstName: "Newly", lastName: "Named" });
    const entries = await db.auditLog.findMany({ where: { companyId: company.id, entityId: person.id, entity: "User" }, orderBy: { createdAt: "asc" } });
    expect(entries.map((entry) => entry.action)).toEqual(["user.password_changed", "auth.signed_in", "user.profile_updated"]);
    expect(JSON.stringify(entries)).not.toContain("my new password");
  });
});
