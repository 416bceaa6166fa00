// npm run db:reset -- --yes: DESTROYS the database's data. Drops and recreates the `public` schema,
// applies the migrations and seeds the demo company. Refuses databases on other hosts.
import pg from "pg";
import { createDbClient } from "@/lib/db-client";
import { demoLoginLines, seedDemoIfEmpty } from "@/lib/seed/demo";
import { dataDir, resolveDatabase, runScript, ScriptError } from "./lib/database";
import { isLocalDatabaseUrl, redactUrl } from "./lib/database-url";
import { runPrisma } from "./lib/prisma-cli";

runScript(async () => {
  const configured = process.env.DATABASE_URL?.trim();
  // Checked before anything else, so that a remote URL is refused even without --yes.
  if (configured && !isLocalDatabaseUrl(configured)) {
    throw new ScriptError(`Refusing to reset ${redactUrl(configured)}: db:reset only works on a database on this machine.`);
  }
  const target = configured ? redactUrl(configured) : `the embedded database in ${dataDir()}`;
  if (!process.argv.slice(2).includes("--yes")) {
    console.log(`This would DELETE ALL DATA in ${target}:`);
    console.log("  drop and recreate the public schema, apply the migrations, then seed the demo company.");
    console.log("Run it with: npm run db:reset -- --yes");
    process.exitCode = 1;
    return;
  }

  const database = await resolveDatabase();
  try {
    await recreatePublicSchema(database.url);
    console.log(`Dropped and recreated the public schema of ${redactUrl(database.url)}.`);
    if (runPrisma(["migrate", "deploy"], { databaseUrl: database.url }).status !== 0) {
      throw new ScriptError("Migrations failed (see above).");
    }
    const db = createDbClient(database.url, { max: 2 });
    try {
      const { seeded } = await seedDemoIfEmpty(db);
      console.log(seeded ? "Seeded the demo company (Acme Corporation)." : "Nothing was seeded (a company already exists).");
      console.log("Demo logins:");
      for (const line of demoLoginLines()) console.log(line);
    } finally {
      await db.$disconnect();
    }
  } finally {
    await database.embedded?.stop();
  }
});

async function recreatePublicSchema(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // A running app holding locks would otherwise make DROP wait forever.
    await client.query("SET lock_timeout = '5s'");
    // One statement list = one implicit transaction: the schema is never left half-dropped.
    // The GRANT restores PostgreSQL 15's default for public (usage for everyone, create for the owner).
    await client.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public; GRANT USAGE ON SCHEMA public TO PUBLIC;");
  } catch (error) {
    if ((error as { code?: string }).code === "55P03") {
      throw new ScriptError("Could not drop the schema: another connection is using the database. Stop the app (npm run dev) and retry.");
    }
    throw error;
  } finally {
    await client.end();
  }
}
