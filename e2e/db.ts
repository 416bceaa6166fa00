import pg from "pg";
import { hashPassword } from "../lib/auth/password";

// Direct database access for setting up browser tests (a second company, a deactivated user…).
// scripts/test.ts gives the Playwright process the same DATABASE_URL as the app under test.

export async function withDb<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export async function idOf(sql: string, params: unknown[]): Promise<string> {
  return withDb(async (client) => {
    const result = await client.query<{ id: string }>(sql, params);
    if (!result.rows[0]) throw new Error(`no row for ${sql}`);
    return result.rows[0].id;
  });
}

/** A second company with an admin (password `password`) and a published-looking flow, for isolation tests. */
export async function createOtherCompany(slug: string) {
  const passwordHash = await hashPassword("other-company-password");
  return withDb(async (client) => {
    const company = await client.query<{ id: string }>(
      `INSERT INTO companies (name, slug, "primaryColor", "secondaryColor", "updatedAt") VALUES ($1, $2, '#16a34a', '#052e16', now()) RETURNING id`,
      [`Other ${slug}`, slug],
    );
    const companyId = company.rows[0]!.id;
    const admin = await client.query<{ id: string }>(
      `INSERT INTO users ("companyId", email, "passwordHash", "firstName", "lastName", "systemRole", "updatedAt")
       VALUES ($1, $2, $3, 'Olga', 'Other', 'ADMIN', now()) RETURNING id`,
      [companyId, `admin@${slug}.test`, passwordHash],
    );
    const flow = await client.query<{ id: string }>(
      `INSERT INTO flows ("companyId", name, status, "createdById", "updatedAt") VALUES ($1, 'Other purchase flow', 'DRAFT', $2, now()) RETURNING id`,
      [companyId, admin.rows[0]!.id],
    );
    return { companyId, adminEmail: `admin@${slug}.test`, adminPassword: "other-company-password", adminId: admin.rows[0]!.id, flowId: flow.rows[0]!.id };
  });
}
