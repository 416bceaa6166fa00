import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * A Prisma client on the pg driver adapter (no native engine). The app uses the singleton in
 * lib/db.ts; scripts, seeds and tests make their own with this.
 */
export function createDbClient(connectionString: string, options: { max?: number } = {}): PrismaClient {
  const adapter = new PrismaPg({ connectionString, max: options.max ?? 10, connectionTimeoutMillis: 5000 });
  return new PrismaClient({ adapter });
}
