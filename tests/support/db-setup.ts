// Runs before each db test file: every file gets its own database, cloned from the migrated template
// (TEST_TEMPLATE_DATABASE_URL, prepared by scripts/test.ts), so files can run in parallel and each
// starts empty. lib/db and lib/env read DATABASE_URL, so this must run before they are imported.
import { afterAll } from "vitest";
import { createDatabaseFromTemplate, dropDatabase } from "./databases";

const template = process.env.TEST_TEMPLATE_DATABASE_URL;
if (!template) throw new Error("db tests need TEST_TEMPLATE_DATABASE_URL: run them with `npm test` (scripts/test.ts).");

const url = await createDatabaseFromTemplate(template);
process.env.DATABASE_URL = url;
process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123456789";

afterAll(async () => {
  const globalForDb = globalThis as unknown as { flowrightDb?: { $disconnect(): Promise<void> } };
  await globalForDb.flowrightDb?.$disconnect();
  await dropDatabase(url);
});
