// npm run db:seed: adds the demo company (Acme) to an empty database. Migrations must already be
// applied (npm run db:migrate); a database that has any company is left alone.
import { createDbClient } from "@/lib/db-client";
import { demoLoginLines, seedDemoIfEmpty } from "@/lib/seed/demo";
import { resolveDatabase, runScript, ScriptError } from "./lib/database";

runScript(async () => {
  const database = await resolveDatabase();
  const db = createDbClient(database.url, { max: 2 });
  try {
    // to_regclass gives NULL for a missing table instead of failing the query.
    const [{ hasSchema }] = await db.$queryRaw<{ hasSchema: boolean }[]>`SELECT to_regclass('companies') IS NOT NULL AS "hasSchema"`;
    if (!hasSchema) throw new ScriptError("The database has no schema yet: run npm run db:migrate first.");
    const { seeded } = await seedDemoIfEmpty(db);
    console.log(seeded ? "Seeded the demo company (Acme Corporation)." : "The database already has a company: nothing to seed.");
    // Only list logins that exist: a database seeded by hand or by tests has other users.
    if (seeded || (await db.company.count({ where: { slug: "acme" } })) > 0) {
      console.log("Demo logins:");
      for (const line of demoLoginLines()) console.log(line);
    }
  } finally {
    await db.$disconnect();
    await database.embedded?.stop();
  }
});
