// Shared by the benchmark scripts: the scratch-database server, figures formatting and percentiles.
import pg from "pg";

export const SERVER = process.env.DATABASE_URL?.trim() || "postgresql://postgres@127.0.0.1:5432/postgres";

export const withDatabase = (url: string, name: string) => {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
};

/** The p-th percentile (0–100) of an ascending list. */
export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
export const median = (values: number[]) => percentile([...values].sort((a, b) => a - b), 50);
export const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** Runs one statement on the server's maintenance database (CREATE/DROP DATABASE). */
export async function admin(sql: string) {
  const client = new pg.Client({ connectionString: withDatabase(SERVER, "postgres") });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
