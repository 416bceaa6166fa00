// A quick check whether `prisma migrate deploy` has anything to do. The Prisma CLI takes ≈2 s even
// when nothing is pending, and it runs synchronously (Ctrl-C cannot be handled meanwhile), so warm
// starts skip it when the database already records exactly the committed migrations.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

type Recorded = { migration_name: string; checksum: string; finished: boolean; rolled_back: boolean };

/** The committed migrations: folder name → sha256 of migration.sql (the checksum Prisma records). */
function committedMigrations(migrationsDir: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const entry of fs.readdirSync(migrationsDir, { withFileTypes: true })) {
    const file = path.join(migrationsDir, entry.name, "migration.sql");
    if (entry.isDirectory() && fs.existsSync(file)) {
      found.set(entry.name, crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex"));
    }
  }
  return found;
}

/**
 * True only when every committed migration is recorded as finished with the same checksum and no
 * other migration is recorded; anything else (including any error) returns false, and the caller
 * runs Prisma, which applies or explains.
 */
export async function migrationsUpToDate(url: string, migrationsDir: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    const committed = committedMigrations(migrationsDir);
    await client.connect();
    const table = await client.query<{ present: boolean }>("SELECT to_regclass('_prisma_migrations') IS NOT NULL AS present");
    if (!table.rows[0].present) return false;
    const recorded = await client.query<Recorded>(
      "SELECT migration_name, checksum, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back FROM _prisma_migrations",
    );
    const applied = recorded.rows.filter((row) => !row.rolled_back);
    if (applied.length !== committed.size) return false;
    return applied.every((row) => row.finished && committed.get(row.migration_name) === row.checksum);
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}
