// The demo seed against a real, migrated, empty PostgreSQL database (DATABASE_URL): it seeds once,
// builds a consistent published flow, and the database keeps published versions frozen.
import { afterAll, describe, expect, it } from "vitest";
import { createDbClient } from "@/lib/db-client";
import { DEMO_USERS, seedDemoIfEmpty } from "@/lib/seed/demo";

const url = process.env.DATABASE_URL;
if (!url) throw new Error("tests/db needs DATABASE_URL: a migrated, empty database.");
const db = createDbClient(url, { max: 2 });

afterAll(() => db.$disconnect());

describe("seedDemoIfEmpty", () => {
  it("seeds an empty database once; the second call is a no-op", async () => {
    // Needs a database with no company yet: the seed deliberately skips any non-empty database.
    expect(await seedDemoIfEmpty(db)).toEqual({ seeded: true });
    const before = await db.user.count();
    expect(await seedDemoIfEmpty(db)).toEqual({ seeded: false });
    expect(await db.company.count({ where: { slug: "acme" } })).toBe(1);
    expect(await db.user.count()).toBe(before);
  }, 30_000);

  it("creates the six demo users with their system roles", async () => {
    const company = await db.company.findUniqueOrThrow({ where: { slug: "acme" } });
    const users = await db.user.findMany({ where: { companyId: company.id }, select: { email: true, systemRole: true } });
    expect(users).toHaveLength(6);
    const roles = Object.fromEntries(users.map((user) => [user.email, user.systemRole]));
    expect(roles).toEqual(Object.fromEntries(DEMO_USERS.map((user) => [user.email, user.systemRole])));
    expect(roles).toMatchObject({
      "developer@flowright.dev": "DEVELOPER",
      "admin@acme.com": "ADMIN",
      "manager@acme.com": "MANAGER",
      "finance@acme.com": "MANAGER",
      "employee@acme.com": "EMPLOYEE",
      "employee2@acme.com": "EMPLOYEE",
    });
  });

  it("publishes the expense flow with three ordered levels and the amount branch", async () => {
    const company = await db.company.findUniqueOrThrow({ where: { slug: "acme" } });
    const flow = await db.flow.findFirstOrThrow({ where: { companyId: company.id, name: "Expense Approval Workflow" } });
    const version = await db.flowVersion.findFirstOrThrow({
      where: { companyId: company.id, flowId: flow.id, number: 1 },
      include: { levels: { orderBy: { order: "asc" }, include: { outgoingBranches: { orderBy: { priority: "asc" } } } } },
    });
    expect(version.state).toBe("PUBLISHED");
    expect(version.levels.map((level) => [level.order, level.name])).toEqual([
      [1, "Employee Submission"],
      [2, "Manager Review"],
      [3, "Finance Approval"],
    ]);
    const [toFinance, done] = version.levels[1].outgoingBranches;
    expect(toFinance.condition).toEqual({ source: "amount >= 1000" });
    expect(toFinance.toLevelId).toBe(version.levels[2].id);
    expect(done).toMatchObject({ target: "COMPLETE", isDefault: true, condition: null });
  });

  it("refuses to update the published task version (database trigger)", async () => {
    const company = await db.company.findUniqueOrThrow({ where: { slug: "acme" } });
    const taskVersion = await db.taskVersion.findFirstOrThrow({ where: { companyId: company.id, state: "PUBLISHED" } });
    await expect(
      db.taskVersion.update({ where: { id: taskVersion.id }, data: { changeNote: "tampered" } }),
    ).rejects.toThrow(/immutable/);
    const unchanged = await db.taskVersion.findUniqueOrThrow({ where: { id: taskVersion.id } });
    expect(unchanged.changeNote).toBe("Initial version");
  });
});
