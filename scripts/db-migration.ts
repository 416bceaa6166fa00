// npm run db:migration -- <name>: writes the next migration from the difference between the committed
// migrations and prisma/schema.prisma, non-interactively (Prisma's `migrate dev` needs a terminal).
import fs from "node:fs";
import path from "node:path";
import { projectRoot, resolveDatabase, runScript, ScriptError } from "./lib/database";
import { runPrisma } from "./lib/prisma-cli";

/** Indexes, triggers and functions the migrations create by hand start with this; Prisma does not know them. */
const HAND_MADE_PREFIX = "x_";

runScript(async () => {
  const name = (process.argv[2] ?? "").trim().toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "");
  if (!name) throw new ScriptError("Usage: npm run db:migration -- <name>   (e.g. add_invoices)");
  const migrationsDir = path.join(projectRoot, "prisma", "migrations");
  const hasMigrations = fs.existsSync(migrationsDir) && fs.readdirSync(migrationsDir).some((entry) => /^\d/.test(entry));
  const database = await resolveDatabase();
  try {
    const from = hasMigrations ? ["--from-migrations", migrationsDir] : ["--from-empty"];
    const run = runPrisma(["migrate", "diff", ...from, "--to-schema-datamodel", "prisma/schema.prisma", "--script"], {
      databaseUrl: database.url,
      capture: true,
    });
    if (run.status !== 0) throw new ScriptError(`prisma migrate diff failed:\n${run.stderr || run.stdout}`);
    const statements = run.stdout.split(/\n(?=-- )/);
    const kept = statements.filter((statement) => !new RegExp(`DROP (INDEX|TRIGGER|FUNCTION)[^;]*"${HAND_MADE_PREFIX}`).test(statement));
    const sql = kept.join("\n").trim();
    if (!sql || /^-- This is an empty migration/.test(sql)) {
      console.log("The schema matches the migrations: nothing to write.");
      return;
    }
    const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
    const dir = path.join(migrationsDir, `${stamp}_${name}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "migration.sql"), `${sql}\n`);
    if (!fs.existsSync(path.join(migrationsDir, "migration_lock.toml"))) {
      fs.writeFileSync(path.join(migrationsDir, "migration_lock.toml"), 'provider = "postgresql"\n');
    }
    console.log(`Wrote ${path.relative(projectRoot, dir)}/migration.sql — review it, then run npm run db:migrate.`);
  } finally {
    await database.embedded?.stop();
  }
});
