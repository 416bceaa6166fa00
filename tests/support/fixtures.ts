// Test data builders on the real database: a fresh company per test, so tests never share state.
import { randomBytes } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { SystemRole } from "@/lib/generated/prisma/enums";

export const TEST_PASSWORD = "correct horse battery staple";
let passwordHash: Promise<string> | undefined;

export type TestCompany = { id: string; slug: string };

export async function createCompany(db: PrismaClient, name = "Test Co"): Promise<TestCompany> {
  const slug = `t-${randomBytes(5).toString("hex")}`;
  return db.company.create({ data: { name, slug }, select: { id: true, slug: true } });
}

export async function createUser(
  db: PrismaClient,
  company: TestCompany,
  options: { systemRole?: SystemRole; isActive?: boolean; email?: string; departmentId?: string } = {},
) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const email = options.email ?? `${randomBytes(4).toString("hex")}@${company.slug}.test`;
  return db.user.create({
    data: {
      companyId: company.id,
      email,
      passwordHash: await passwordHash,
      firstName: "Test",
      lastName: options.systemRole ?? "EMPLOYEE",
      systemRole: options.systemRole ?? "EMPLOYEE",
      isActive: options.isActive ?? true,
      departmentId: options.departmentId,
    },
  });
}

/** A service context acting as `userId` in `company` (what the action builder builds per request). */
export function contextFor(company: TestCompany, userId: string | null): import("@/lib/service-context").ServiceContext {
  return { companyId: company.id, actorId: userId, actorType: userId ? "USER" : "SYSTEM", ipAddress: "198.51.100.1", userAgent: "vitest", principal: null };
}
