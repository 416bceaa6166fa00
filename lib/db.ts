import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createDbClient } from "@/lib/db-client";
import { env } from "@/lib/env";

// The one Prisma client of the process. It runs without a native engine: queries go through the
// pg driver adapter (see README "Offline Prisma"). Created on first use — `next build` imports this
// module without any database — and kept on globalThis so `next dev` reloads reuse it.
const globalForDb = globalThis as unknown as { flowrightDb?: PrismaClient };

function client(): PrismaClient {
  if (!globalForDb.flowrightDb) {
    const { DATABASE_URL, DATABASE_POOL_SIZE } = env();
    globalForDb.flowrightDb = createDbClient(DATABASE_URL, { max: DATABASE_POOL_SIZE });
  }
  return globalForDb.flowrightDb;
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const value = Reflect.get(client(), property);
    return typeof value === "function" ? value.bind(client()) : value;
  },
});

export type Db = PrismaClient;
/** A transaction client, as passed to `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
