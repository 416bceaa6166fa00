// Prisma CLI configuration. Prisma's native engines are never downloaded (see README "Offline
// Prisma"): migrations run on the Wasm schema engine through a JavaScript driver adapter.
import { randomUUID } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { defineConfig } from "prisma/config";
// adapter-pg 6.19 cannot deserialise catalog columns of type `name` during migrate (prisma/orm#27403);
// the 7.x adapter, installed under an alias, can.
import { PrismaPg } from "pg-adapter-migrate";
import { poolConfigFromUrl } from "./scripts/lib/database-url";

// The schema engine's introspection reads catalog columns of types "char" (OID 18) and name (19),
// which the adapter cannot decode; reporting them as text (25) is lossless for those reads.
const originalQuery = pg.Client.prototype.query as (...args: unknown[]) => unknown;
type FieldList = { fields?: { dataTypeID: number }[] };
function reportCatalogTypesAsText(result: unknown) {
  for (const field of (result as FieldList | undefined)?.fields ?? []) {
    if (field.dataTypeID === 18 || field.dataTypeID === 19) field.dataTypeID = 25;
  }
  return result;
}
pg.Client.prototype.query = function patchedQuery(this: unknown, ...args: unknown[]) {
  const callbackIndex = args.findIndex((arg) => typeof arg === "function");
  if (callbackIndex >= 0) {
    const callback = args[callbackIndex] as (err: unknown, result: unknown) => void;
    args[callbackIndex] = (err: unknown, result: unknown) => callback(err, err ? result : reportCatalogTypesAsText(result));
    return originalQuery.apply(this, args);
  }
  const returned = originalQuery.apply(this, args);
  if (returned && typeof (returned as Promise<unknown>).then === "function") {
    return (returned as Promise<unknown>).then(reportCatalogTypesAsText);
  }
  return returned;
} as typeof pg.Client.prototype.query;

// The adapter's executeScript splits a migration on every ";", which breaks functions ($$ … $$) and
// comments containing one. PostgreSQL's simple-query protocol runs a whole script in one implicit
// transaction, which is also what a migration should be: all of it or nothing.
type ScriptAdapter = { executeScript: (script: string) => Promise<void>; client: pg.Pool | pg.Client; onError: (error: unknown) => never };
function runScriptsWhole<T>(adapter: T): T {
  const target = adapter as unknown as ScriptAdapter;
  target.executeScript = async (script: string) => {
    try {
      await target.client.query(script);
    } catch (error) {
      target.onError(error);
    }
  };
  return adapter;
}

async function adminQuery(config: pg.ClientConfig, sql: string) {
  const client = new pg.Client(config);
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function migrationAdapter(url: string) {
  // allowExitOnIdle: the CLI never closes its pool, which would keep the process alive for 10 s.
  const config = { ...poolConfigFromUrl(url), allowExitOnIdle: true };
  type AdapterConfig = ConstructorParameters<typeof PrismaPg>[0];
  // The alias brings its own @types/pg; the runtime shapes are the same.
  const factory = new PrismaPg(config as AdapterConfig);
  const connect = factory.connect.bind(factory);
  factory.connect = async () => runScriptsWhole(await connect());
  // The adapter's own shadow database is dropped while its pool is still connected, which fails;
  // this one closes the pool first.
  factory.connectToShadowDb = async () => {
    const name = `prisma_migrate_shadow_db_${randomUUID()}`;
    await adminQuery(config, `CREATE DATABASE "${name}"`);
    const adapter = await new PrismaPg({ ...config, database: name } as AdapterConfig).connect();
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await adminQuery(config, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    };
    return runScriptsWhole(adapter);
  };
  return factory;
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set (the project's db:* scripts set it for you).");
    return migrationAdapter(url);
  },
});
