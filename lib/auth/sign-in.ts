import "server-only";
import { db } from "@/lib/db";
import { timingDummyHash, verifyPassword } from "@/lib/auth/password";
import type { TSignIn } from "@/lib/auth/schema";

// Throttling lives in the database so it holds across several app servers.
export const LOCKOUT_WINDOW_MINUTES = 15;
const MAX_FAILURES_PER_ACCOUNT = 10;
const MAX_FAILURES_PER_IP = 50;
export const SESSION_DAYS = 7;

export type SignInOutcome =
  | { ok: true; userId: string; sessionId: string }
  | { ok: false; reason: "invalid" | "throttled" };

type RequestMeta = { ipAddress?: string | null; userAgent?: string | null };

async function isThrottled(email: string, ipAddress: string | null): Promise<boolean> {
  const since = new Date(Date.now() - LOCKOUT_WINDOW_MINUTES * 60_000);
  const [accountFailures, ipFailures] = await Promise.all([
    db.loginAttempt.count({ where: { email, success: false, createdAt: { gte: since } } }),
    ipAddress ? db.loginAttempt.count({ where: { ipAddress, success: false, createdAt: { gte: since } } }) : 0,
  ]);
  return accountFailures >= MAX_FAILURES_PER_ACCOUNT || ipFailures >= MAX_FAILURES_PER_IP;
}

/**
 * Checks credentials and opens a server-side session. Unknown email, wrong password and deactivated
 * account give the same answer in similar time; repeated failures lock the account and the IP for
 * LOCKOUT_WINDOW_MINUTES.
 */
export async function signInWithPassword(input: TSignIn, meta: RequestMeta): Promise<SignInOutcome> {
  const ipAddress = meta.ipAddress ?? null;
  if (await isThrottled(input.email, ipAddress)) {
    await db.loginAttempt.create({ data: { email: input.email, ipAddress, success: false } });
    return { ok: false, reason: "throttled" };
  }
  const user = await db.user.findUnique({
    where: { email: input.email },
    select: { id: true, companyId: true, passwordHash: true, isActive: true, company: { select: { isActive: true } } },
  });
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await timingDummyHash()), input.password);
  const allowed = Boolean(user && user.passwordHash && passwordOk && user.isActive && user.company.isActive);
  if (!user || !allowed) {
    await db.loginAttempt.create({ data: { email: input.email, ipAddress, success: false } });
    return { ok: false, reason: "invalid" };
  }
  const session = await db.$transaction(async (tx) => {
    await tx.loginAttempt.create({ data: { email: input.email, ipAddress, success: true } });
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
    const created = await tx.session.create({
      data: {
        userId: user.id,
        companyId: user.companyId,
        expiresAt: new Date(Date.now() + SESSION_DAYS * 86_400_000),
        ipAddress,
        userAgent: meta.userAgent?.slice(0, 500) ?? null,
      },
      select: { id: true },
    });
    await tx.auditLog.create({
      data: {
        companyId: user.companyId,
        actorId: user.id,
        action: "auth.signed_in",
        entity: "User",
        entityId: user.id,
        ipAddress,
        userAgent: meta.userAgent?.slice(0, 500) ?? null,
      },
    });
    return created;
  });
  return { ok: true, userId: user.id, sessionId: session.id };
}

/** Ends a server-side session; a JWT naming it stops working at once. */
export async function revokeSession(sessionId: string): Promise<void> {
  await db.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}
