import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createDbClient } from "@/lib/db-client";
import { env } from "@/lib/env";

// The one Prisma client of the process. It runs without a native engine: queries go through the
// pg driver adapter (see README "Offline Prisma"). Kept on globalThis so `next dev` reloads reuse it.
const globalForDb = globalThis as unknown as { flowrightDb?: PrismaClient };

function createClient(): PrismaClient {
  const { DATABASE_URL, DATABASE_POOL_SIZE } = env();
  return createDbClient(DATABASE_URL, { max: DATABASE_POOL_SIZE });
}

export const db: PrismaClient = globalForDb.flowrightDb ?? createClient();
globalForDb.flowrightDb = db;

export type Db = PrismaClient;
/** A transaction client, as passed to `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
