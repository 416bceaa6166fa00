// Sign-in and sessions on real PostgreSQL: same answer for every failure, throttling, revocation.
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadPrincipal } from "@/lib/auth/session";
import { revokeSession, signInWithPassword } from "@/lib/auth/sign-in";
import { createCompany, createUser, TEST_PASSWORD } from "../support/fixtures";

afterAll(() => db.$disconnect());

const meta = { ipAddress: "203.0.113.7", userAgent: "vitest" };

describe("signInWithPassword", () => {
  it("opens a server-side session and audits it", async () => {
    const company = await createCompany(db);
    const user = await createUser(db, company, { systemRole: "ADMIN" });
    const outcome = await signInWithPassword({ email: user.email, password: TEST_PASSWORD }, meta);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const session = await db.session.findUniqueOrThrow({ where: { id: outcome.sessionId } });
    expect(session).toMatchObject({ userId: user.id, companyId: company.id, revokedAt: null, ipAddress: meta.ipAddress });
    expect(await db.auditLog.count({ where: { companyId: company.id, action: "auth.signed_in", entityId: user.id } })).toBe(1);
  });

  it("answers unknown email, wrong password and deactivated account the same way", async () => {
    const company = await createCompany(db);
    const user = await createUser(db, company);
    const inactive = await createUser(db, company, { isActive: false });
    const outcomes = await Promise.all([
      signInWithPassword({ email: `nobody@${company.slug}.test`, password: TEST_PASSWORD }, meta),
      signInWithPassword({ email: user.email, password: "wrong password" }, meta),
      signInWithPassword({ email: inactive.email, password: TEST_PASSWORD }, meta),
    ]);
    expect(outcomes).toEqual([
      { ok: false, reason: "invalid" },
      { ok: false, reason: "invalid" },
      { ok: false, reason: "invalid" },
    ]);
    expect(await db.session.count({ where: { user: { companyId: company.id } } })).toBe(0);
  });

  it("takes similar time for an unknown email and a wrong password", async () => {
    const company = await createCompany(db);
    const user = await createUser(db, company);
    const time = async (email: string) => {
      const started = performance.now();
      await signInWithPassword({ email, password: "wrong password" }, { ipAddress: null, userAgent: null });
      return performance.now() - started;
    };
    await time(user.email); // warm-up
    const known: number[] = [];
    const unknown: number[] = [];
    for (let round = 0; round < 4; round++) {
      known.push(await time(user.email));
      unknown.push(await time(`ghost-${round}@${company.slug}.test`));
    }
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    // Both verify an argon2 hash; without the dummy hash the unknown case would be ~10× faster.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.25);
  });

  it("locks an account after repeated failures, even for the right password", async () => {
    const company = await createCompany(db);
    const user = await createUser(db, company);
    for (let attempt = 0; attempt < 10; attempt++) {
      expect(await signInWithPassword({ email: user.email, password: `guess-${attempt}` }, { ipAddress: null, userAgent: null })).toEqual({
        ok: false,
        reason: "invalid",
      });
    }
    expect(await signInWithPassword({ email: user.email, password: TEST_PASSWORD }, { ipAddress: null, userAgent: null })).toEqual({
      ok: false,
      reason: "throttled",
    });
  });
});

describe("loadPrincipal", () => {
  it("resolves company scope and permissions, and stops at once when revoked or deactivated", async () => {
    const company = await createCompany(db);
    const user = await createUser(db, company, { systemRole: "EMPLOYEE" });
    const role = await db.role.create({ data: { companyId: company.id, name: "Finance", permissions: ["records.view", "bogus.perm"] } });
    await db.userRole.create({ data: { userId: user.id, roleId: role.id, companyId: company.id } });

    const first = await signInWithPassword({ email: user.email, password: TEST_PASSWORD }, meta);
    if (!first.ok) throw new Error("sign-in failed");
    const principal = await loadPrincipal(first.sessionId);
    expect(principal).toMatchObject({ userId: user.id, companyId: company.id, systemRole: "EMPLOYEE", roleIds: [role.id] });
    expect(principal!.permissions.has("records.view")).toBe(true);
    expect(principal!.permissions.has("users.update")).toBe(false);

    await revokeSession(first.sessionId);
    expect(await loadPrincipal(first.sessionId)).toBeNull();

    const second = await signInWithPassword({ email: user.email, password: TEST_PASSWORD }, meta);
    if (!second.ok) throw new Error("sign-in failed");
    await db.user.update({ where: { id: user.id }, data: { isActive: false } });
    expect(await loadPrincipal(second.sessionId)).toBeNull();
  });

  it("refuses a session whose company is not the user's unless the user is a DEVELOPER", async () => {
    const home = await createCompany(db);
    const other = await createCompany(db);
    const employee = await createUser(db, home);
    const developer = await createUser(db, home, { systemRole: "DEVELOPER" });
    const forged = await db.session.create({ data: { userId: employee.id, companyId: other.id, expiresAt: new Date(Date.now() + 60_000) } });
    expect(await loadPrincipal(forged.id)).toBeNull();
    const switched = await db.session.create({ data: { userId: developer.id, companyId: other.id, expiresAt: new Date(Date.now() + 60_000) } });
    expect((await loadPrincipal(switched.id))?.companyId).toBe(other.id);
    const expired = await db.session.create({ data: { userId: employee.id, companyId: home.id, expiresAt: new Date(Date.now() - 1000) } });
    expect(await loadPrincipal(expired.id)).toBeNull();
  });
});
