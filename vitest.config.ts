import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

// Two tiers (README "Tests"): unit — pure logic, no I/O; db — real PostgreSQL, a fresh database per
// file cloned from the migrated template that scripts/test.ts prepares.
export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // "server-only" throws outside React server bundles; in tests it is just a marker.
      { find: "server-only", replacement: path.join(root, "tests", "support", "server-only.ts") },
    ],
  },
  test: {
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["lib/**/*.test.ts", "tests/unit/**/*.test.ts"], environment: "node" },
      },
      {
        extends: true,
        test: {
          name: "db",
          include: ["tests/db/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 180_000,
          setupFiles: [path.join(root, "tests", "support", "db-setup.ts")],
        },
      },
    ],
  },
});
