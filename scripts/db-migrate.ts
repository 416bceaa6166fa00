// npm run db:migrate: applies the committed migrations to DATABASE_URL (or the embedded database).
import { resolveDatabase, runScript, ScriptError } from "./lib/database";
import { runPrisma } from "./lib/prisma-cli";

runScript(async () => {
  const database = await resolveDatabase();
  try {
    if (runPrisma(["migrate", "deploy"], { databaseUrl: database.url }).status !== 0) {
      throw new ScriptError("Migrations failed (see above).");
    }
  } finally {
    await database.embedded?.stop();
  }
});
