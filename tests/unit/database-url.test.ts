import { describe, expect, it } from "vitest";
import { DatabaseUrlError, databaseName, isLocalDatabaseUrl, parseDatabaseUrl, poolConfigFromUrl, redactUrl, withDatabase } from "@/scripts/lib/database-url";

describe("DATABASE_URL handling", () => {
  it("explains malformed URLs in one sentence", () => {
    expect(() => parseDatabaseUrl("not a url")).toThrowError(DatabaseUrlError);
    expect(() => parseDatabaseUrl("mysql://u@h/db")).toThrowError(/must start with postgres/);
    expect(() => parseDatabaseUrl("postgres://u@localhost:5432")).toThrowError(/names no database/);
  });

  it("never echoes the password", () => {
    expect(redactUrl("postgres://me:secret@db:5432/app")).toBe("postgres://me:****@db:5432/app");
    try {
      parseDatabaseUrl("postgres://me:secret@ bad/app");
    } catch (error) {
      expect(String(error)).not.toContain("secret");
    }
  });

  it("swaps the database and splits the URL into pool fields", () => {
    const url = "postgresql://postgres:p%40ss@127.0.0.1:5433/app";
    expect(databaseName(withDatabase(url, "other"))).toBe("other");
    expect(poolConfigFromUrl(url)).toMatchObject({ host: "127.0.0.1", port: 5433, user: "postgres", password: "p@ss", database: "app" });
  });

  it("knows local servers from remote ones", () => {
    expect(isLocalDatabaseUrl("postgres://u@localhost/db")).toBe(true);
    expect(isLocalDatabaseUrl("postgres://u@127.0.0.1:5432/db")).toBe(true);
    expect(isLocalDatabaseUrl("postgres://u@db.example.com/db")).toBe(false);
  });
});
