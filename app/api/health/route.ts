import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

const startedAt = Date.now();

/** Liveness and database status; 503 when the database cannot be reached (the app keeps running). */
export async function GET(): Promise<Response> {
  const began = performance.now();
  let database: "ok" | "unavailable" = "ok";
  try {
    await Promise.race([
      db.$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error("database check timed out")), 3000)),
    ]);
  } catch {
    database = "unavailable";
  }
  const body = {
    status: database === "ok" ? "ok" : "degraded",
    database,
    databaseLatencyMs: Math.round((performance.now() - began) * 10) / 10,
    uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
    version: process.env.npm_package_version ?? "0.1.0",
  };
  return Response.json(body, { status: database === "ok" ? 200 : 503, headers: { "cache-control": "no-store" } });
}
