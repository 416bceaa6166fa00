// `npm start` builds the app only when there is no production build or a source is newer than it.
import fs from "node:fs";
import path from "node:path";
import { ScriptError } from "./database";
import { spawnGroup, type ChildGroup } from "./child-group";

// What `next build` reads. lib/generated is left out: `prisma generate` rewrites it whenever it runs,
// changed or not, so its times say nothing (a schema change comes with a migration and lib/ changes).
const SOURCE_DIRS = ["app", "components", "lib", "public"];
const SKIPPED_DIRS = new Set([path.join("lib", "generated")]);
const SOURCE_FILES = [
  "next.config.mjs",
  "tailwind.config.ts",
  "postcss.config.mjs",
  "package.json",
  "tsconfig.json",
  "proxy.ts",
  "middleware.ts",
  "instrumentation.ts",
];

/** The newest file under `dir` newer than `since` (ms), or null. */
function newerFile(root: string, relative: string, since: number): string | null {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(path.join(root, relative), { withFileTypes: true });
  } catch {
    return null;
  }
  for (const entry of entries) {
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    const child = path.join(relative, entry.name);
    if (entry.isDirectory()) {
      if (SKIPPED_DIRS.has(child)) continue;
      const found = newerFile(root, child, since);
      if (found) return found;
    } else if (fs.statSync(path.join(root, child)).mtimeMs > since) {
      return child;
    }
  }
  return null;
}

/** Why a build is needed ("no build yet", "app/page.tsx changed"), or null when the build is current. */
export function buildReason(root: string): string | null {
  let builtAt: number;
  try {
    builtAt = fs.statSync(path.join(root, ".next", "BUILD_ID")).mtimeMs;
  } catch {
    return "no production build yet";
  }
  for (const file of SOURCE_FILES) {
    try {
      if (fs.statSync(path.join(root, file)).mtimeMs > builtAt) return `${file} changed since the last build`;
    } catch {
      // optional file
    }
  }
  for (const dir of SOURCE_DIRS) {
    const changed = newerFile(root, dir, builtAt);
    if (changed) return `${changed} changed since the last build`;
  }
  return null;
}

/**
 * Runs `next build` (output streamed) when buildReason() says so. `onChild` receives the running
 * build so that Ctrl-C can stop it; throws a ScriptError when the build fails.
 */
export async function buildIfNeeded(options: { root: string; env: NodeJS.ProcessEnv; onChild: (child: ChildGroup | null) => void; log: (line: string) => void }): Promise<void> {
  const reason = buildReason(options.root);
  if (!reason) return;
  options.log(`Building the app (${reason}); this takes a minute…`);
  const build = spawnGroup(process.execPath, [path.join(options.root, "node_modules", "next", "dist", "bin", "next"), "build"], {
    cwd: options.root,
    env: { ...options.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  options.onChild(build);
  const code = await build.exited;
  options.onChild(null);
  if (code !== 0) throw new ScriptError(`The build failed (next build exited with code ${code}); see its output above.`);
}
