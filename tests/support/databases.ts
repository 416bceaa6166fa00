// Creating and dropping throwaway databases for tests. Refuses anything that is not on this machine.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { databaseName, isLocalDatabaseUrl, withDatabase } from "@/scripts/lib/database-url";

function assertLocal(url: string) {
  if (!isLocalDatabaseUrl(url)) throw new Error("Tests only create and drop databases on this machine (localhost).");
}

async function onServer<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** A new database copied from `templateUrl` (which nobody may be connected to). */
export async function createDatabaseFromTemplate(templateUrl: string): Promise<string> {
  assertLocal(templateUrl);
  const name = `flowright_t_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const template = databaseName(templateUrl);
  // Cloning fails while another session is connected to the template; parallel clones can collide.
  for (let attempt = 0; ; attempt++) {
    try {
      await onServer(templateUrl, (client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
      return withDatabase(templateUrl, name);
    } catch (error) {
      if (attempt >= 20 || !/being accessed by other users/.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
    }
  }
}

export async function dropDatabase(url: string): Promise<void> {
  assertLocal(url);
  await onServer(url, (client) => client.query(`DROP DATABASE IF EXISTS "${databaseName(url)}" WITH (FORCE)`));
}
