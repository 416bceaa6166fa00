// Parsing and checking of PostgreSQL connection URLs, shared by every script.
import type { PoolConfig } from "pg";

export class DatabaseUrlError extends Error {}

/** Parses a postgres:// URL, throwing a DatabaseUrlError that says what is wrong with it. */
export function parseDatabaseUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new DatabaseUrlError(
      `DATABASE_URL is not a valid URL. Expected postgres://USER:PASSWORD@HOST:PORT/DATABASE, got "${redactUrl(raw)}".`,
    );
  }
  if (url.protocol !== "postgres:" && url.protocol !== "postgresql:") {
    throw new DatabaseUrlError(`DATABASE_URL must start with postgres:// or postgresql://, got "${url.protocol}//".`);
  }
  if (!url.hostname && !url.searchParams.get("host")) {
    throw new DatabaseUrlError("DATABASE_URL has no host. Expected postgres://USER:PASSWORD@HOST:PORT/DATABASE.");
  }
  if (url.pathname.replace(/^\//, "") === "") {
    throw new DatabaseUrlError("DATABASE_URL names no database. Add /DATABASE at the end of the URL.");
  }
  return url;
}

/** The database name of a URL. */
export function databaseName(raw: string): string {
  return decodeURIComponent(parseDatabaseUrl(raw).pathname.replace(/^\//, ""));
}

/** The same server with another database. */
export function withDatabase(raw: string, database: string): string {
  const url = parseDatabaseUrl(raw);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

/** node-postgres pool settings as separate fields, so a copy with another `database` really changes it. */
export function poolConfigFromUrl(raw: string): PoolConfig {
  const url = parseDatabaseUrl(raw);
  const socketHost = url.searchParams.get("host");
  return {
    host: socketHost ?? url.hostname,
    port: url.port ? Number(url.port) : 5432,
    user: decodeURIComponent(url.username) || undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    database: decodeURIComponent(url.pathname.replace(/^\//, "")),
  };
}

/** True when the URL points at this machine (tests refuse to create and drop databases elsewhere). */
export function isLocalDatabaseUrl(raw: string): boolean {
  const url = parseDatabaseUrl(raw);
  const host = url.searchParams.get("host") ?? url.hostname;
  return host === "localhost" || host === "127.0.0.1" || host === "[::1]" || host === "::1" || host.startsWith("/");
}

/** The URL with its password replaced, for messages and logs. */
export function redactUrl(raw: string): string {
  try {
    const url = new URL(raw);
    if (url.password) url.password = "****";
    return url.toString();
  } catch {
    return raw.replace(/:\/\/([^:/@]+):[^@]*@/, "://$1:****@");
  }
}
