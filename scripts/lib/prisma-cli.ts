// Runs the Prisma CLI without its native engines (see README "Offline Prisma").
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..", "..");

/** Placeholder engine files: the CLI only checks that these paths exist, and never loads them. */
function enginePlaceholders(): Record<string, string> {
  const dir = path.join(root, "node_modules", ".cache", "flowright-prisma");
  fs.mkdirSync(dir, { recursive: true });
  const library = path.join(dir, "libquery_engine-placeholder.so.node");
  const schemaEngine = path.join(dir, "schema-engine-placeholder");
  for (const file of [library, schemaEngine]) if (!fs.existsSync(file)) fs.writeFileSync(file, "");
  return {
    PRISMA_QUERY_ENGINE_LIBRARY: library,
    PRISMA_SCHEMA_ENGINE_BINARY: schemaEngine,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
    PRISMA_GENERATE_SKIP_AUTOINSTALL: "1",
  };
}

export type PrismaRun = { status: number; stdout: string; stderr: string };

/** Runs `prisma <args>`; `capture` returns the output instead of streaming it. */
export function runPrisma(args: string[], options: { databaseUrl?: string; capture?: boolean } = {}): PrismaRun {
  const env: NodeJS.ProcessEnv = { ...process.env, ...enginePlaceholders() };
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  // Prisma's schema validation wants some DATABASE_URL even for commands that never connect.
  env.DATABASE_URL ??= "postgresql://unused@localhost:5432/unused";
  const result = spawnSync(
    process.execPath,
    ["--require", path.join(root, "scripts", "lib", "exit-when-done.cjs"), path.join(root, "node_modules", "prisma", "build", "index.js"), ...args],
    { cwd: root, env, encoding: "utf8", stdio: options.capture ? ["ignore", "pipe", "pipe"] : "inherit", maxBuffer: 64 * 1024 * 1024 },
  );
  return { status: result.status ?? 1, stdout: result.stdout ?? "", stderr: result.stderr ?? "" };
}
