// The embedded database (npm start's zero-setup default) must be as correct as a production server:
// (a) an app and a worker pool hammering it concurrently get exactly what they wrote, and
// (b) a kill -9 of the app — or of the database server itself — loses no committed row and leaves a
//     data folder that the next start takes over (orphaned server stopped, stale pid file handled).
// Runs against real servers in temp folders, with its own tables (independent of the app's schema).
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedServer } from "../../scripts/lib/embedded-postgres";

const projectRoot = path.resolve(import.meta.dirname, "..", "..");
const writerScript = path.join(import.meta.dirname, "fixtures", "embedded-writer.ts");
// 0755: as root the server runs as the `postgres` user, which must be able to reach its folder.
const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), "flowright-embedded-test-"));
fs.chmodSync(tempRoot, 0o755);

const servers: EmbeddedServer[] = [];
const children: ChildProcess[] = [];

async function startServer(dataDir: string): Promise<EmbeddedServer> {
  const server = await startEmbeddedPostgres({ dataDir });
  servers.push(server);
  return server;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function postmasterPid(dataDir: string): number | null {
  const file = path.join(dataDir, "pgdata", "postmaster.pid");
  if (!fs.existsSync(file)) return null;
  const pid = Number(fs.readFileSync(file, "utf8").split("\n")[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

async function waitUntil(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await Promise.allSettled(servers.map((server) => server.stop()));
  // A failed run may leave an orphaned server behind: stop it before deleting its folder.
  for (const entry of fs.readdirSync(tempRoot)) {
    const pid = postmasterPid(path.join(tempRoot, entry));
    if (pid && isAlive(pid)) {
      process.kill(pid, "SIGQUIT");
      await waitUntil(() => !isAlive(pid), 10_000);
    }
  }
  fs.rmSync(tempRoot, { recursive: true, force: true });
}, 60_000);

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const md5 = (text: string) => crypto.createHash("md5").update(text).digest("hex");

describe("embedded PostgreSQL under concurrent load", () => {
  const OPERATIONS = 1_500;
  const WORKERS_PER_POOL = 10; // two pools → 20 operations in flight
  const ACCOUNTS = 20;
  const OPENING_BALANCE = 1_000;
  const KNOWN_ROWS = 100;

  it("answers ≥ 1,000 mixed reads, writes, transactions and notifications from two pools correctly", { timeout: 120_000 }, async () => {
    const server = await startServer(path.join(tempRoot, "load"));
    const setup = new pg.Client({ connectionString: server.adminUrl });
    await setup.connect();
    await setup.query(`
      CREATE TABLE known (id int PRIMARY KEY, value text NOT NULL);
      INSERT INTO known SELECT g, md5(g::text) FROM generate_series(1, ${KNOWN_ROWS}) g;
      CREATE TABLE accounts (id int PRIMARY KEY, balance bigint NOT NULL);
      INSERT INTO accounts SELECT g, ${OPENING_BALANCE} FROM generate_series(1, ${ACCOUNTS}) g;
      CREATE TABLE transfers (id bigserial PRIMARY KEY, from_id int NOT NULL, to_id int NOT NULL, amount bigint NOT NULL);
      CREATE TABLE items (id bigserial PRIMARY KEY, source text NOT NULL, payload text NOT NULL UNIQUE);
    `);
    await setup.end();

    // "app" and "worker": two independent pools, as two processes would have.
    const pools = {
      app: new pg.Pool({ connectionString: server.adminUrl, max: WORKERS_PER_POOL }),
      worker: new pg.Pool({ connectionString: server.adminUrl, max: WORKERS_PER_POOL }),
    };
    type PoolName = keyof typeof pools;
    const other = (name: PoolName): PoolName => (name === "app" ? "worker" : "app");

    // One listening connection outside each pool; each pool notifies the other's channel.
    const received: Record<PoolName, string[]> = { app: [], worker: [] };
    const listeners: pg.Client[] = [];
    for (const name of ["app", "worker"] as const) {
      const listener = new pg.Client({ connectionString: server.adminUrl });
      await listener.connect();
      listener.on("notification", (message) => {
        if (message.channel === `to_${name}`) received[name].push(message.payload ?? "");
      });
      await listener.query(`LISTEN to_${name}`);
      listeners.push(listener);
    }

    const random = createRandom(20_260_101);
    const mismatches: string[] = [];
    const acknowledgedItems = new Map<string, { source: PoolName; payload: string }>();
    const rolledBackPayloads: string[] = [];
    const committedTransfers: { from: number; to: number; amount: number }[] = [];
    const sentNotifications: Record<PoolName, string[]> = { app: [], worker: [] };
    const counts: Record<string, number> = {};
    let inFlight = 0;
    let maxInFlight = 0;

    async function inTransaction(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<"commit" | "rollback">) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const outcome = await work(client);
        await client.query(outcome === "commit" ? "COMMIT" : "ROLLBACK");
        return outcome;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    }

    async function runOperation(index: number, source: PoolName): Promise<void> {
      const pool = pools[source];
      const roll = random();
      const tag = `${source}-${index}-${crypto.randomUUID()}`;
      if (roll < 0.3) {
        counts.readKnown = (counts.readKnown ?? 0) + 1;
        const id = 1 + Math.floor(random() * KNOWN_ROWS);
        const result = await pool.query<{ value: string }>("SELECT value FROM known WHERE id = $1", [id]);
        if (result.rows.length !== 1 || result.rows[0].value !== md5(String(id))) mismatches.push(`known ${id}: ${JSON.stringify(result.rows)}`);
      } else if (roll < 0.45) {
        const ids = [...acknowledgedItems.keys()];
        if (ids.length === 0) return runOperation(index, source);
        counts.readWritten = (counts.readWritten ?? 0) + 1;
        const id = ids[Math.floor(random() * ids.length)];
        const expected = acknowledgedItems.get(id)!;
        const result = await pool.query<{ source: string; payload: string }>("SELECT source, payload FROM items WHERE id = $1", [id]);
        if (result.rows.length !== 1 || result.rows[0].payload !== expected.payload || result.rows[0].source !== expected.source) {
          mismatches.push(`item ${id}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(result.rows)}`);
        }
      } else if (roll < 0.65) {
        counts.insert = (counts.insert ?? 0) + 1;
        const result = await pool.query<{ id: string; payload: string }>("INSERT INTO items (source, payload) VALUES ($1, $2) RETURNING id, payload", [source, tag]);
        if (result.rows.length !== 1 || result.rows[0].payload !== tag) mismatches.push(`insert ${tag}: ${JSON.stringify(result.rows)}`);
        else acknowledgedItems.set(result.rows[0].id, { source, payload: tag });
      } else if (roll < 0.7) {
        counts.rolledBackInsert = (counts.rolledBackInsert ?? 0) + 1;
        await inTransaction(pool, async (client) => {
          await client.query("INSERT INTO items (source, payload) VALUES ($1, $2)", [source, tag]);
          const seen = await client.query("SELECT 1 FROM items WHERE payload = $1", [tag]);
          if (seen.rowCount !== 1) mismatches.push(`own insert invisible inside its transaction: ${tag}`);
          return "rollback";
        });
        rolledBackPayloads.push(tag);
      } else if (roll < 0.9) {
        counts.transfer = (counts.transfer ?? 0) + 1;
        const from = 1 + Math.floor(random() * ACCOUNTS);
        const to = 1 + ((from - 1 + 1 + Math.floor(random() * (ACCOUNTS - 1))) % ACCOUNTS);
        const amount = 1 + Math.floor(random() * 200);
        const outcome = await inTransaction(pool, async (client) => {
          // Lock both rows in id order, so concurrent transfers cannot deadlock.
          const locked = await client.query<{ id: number; balance: string }>(
            "SELECT id, balance FROM accounts WHERE id = ANY($1::int[]) ORDER BY id FOR UPDATE",
            [[from, to]],
          );
          if (locked.rows.length !== 2) {
            mismatches.push(`transfer ${from}->${to}: locked ${locked.rows.length} rows`);
            return "rollback";
          }
          const before = new Map(locked.rows.map((row) => [row.id, Number(row.balance)]));
          if (before.get(from)! < amount) return "rollback"; // insufficient funds: nothing may change
          const debited = await client.query<{ balance: string }>("UPDATE accounts SET balance = balance - $2 WHERE id = $1 RETURNING balance", [from, amount]);
          const credited = await client.query<{ balance: string }>("UPDATE accounts SET balance = balance + $2 WHERE id = $1 RETURNING balance", [to, amount]);
          if (Number(debited.rows[0]?.balance) !== before.get(from)! - amount || Number(credited.rows[0]?.balance) !== before.get(to)! + amount) {
            mismatches.push(`transfer ${from}->${to} ${amount}: before ${JSON.stringify([...before])}, after ${debited.rows[0]?.balance}/${credited.rows[0]?.balance}`);
          }
          await client.query("INSERT INTO transfers (from_id, to_id, amount) VALUES ($1, $2, $3)", [from, to, amount]);
          return "commit";
        });
        if (outcome === "commit") committedTransfers.push({ from, to, amount });
      } else {
        counts.notify = (counts.notify ?? 0) + 1;
        await pool.query("SELECT pg_notify($1, $2)", [`to_${other(source)}`, tag]);
        sentNotifications[other(source)].push(tag);
      }
    }

    let next = 0;
    const errors: unknown[] = [];
    async function runWorker(source: PoolName) {
      while (next < OPERATIONS) {
        const index = next++;
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        try {
          await runOperation(index, source);
        } catch (error) {
          errors.push(error);
        } finally {
          inFlight--;
        }
      }
    }
    const started = Date.now();
    await Promise.all([
      ...Array.from({ length: WORKERS_PER_POOL }, () => runWorker("app")),
      ...Array.from({ length: WORKERS_PER_POOL }, () => runWorker("worker")),
    ]);
    const elapsedMs = Date.now() - started;

    // Every notification arrives, exactly once, at the other pool's listener.
    await waitUntil(() => received.app.length >= sentNotifications.app.length && received.worker.length >= sentNotifications.worker.length, 10_000);

    const check = pools.app;
    const items = await check.query<{ id: string; source: string; payload: string }>("SELECT id, source, payload FROM items ORDER BY id");
    const accounts = await check.query<{ id: number; balance: string }>("SELECT id, balance FROM accounts ORDER BY id");
    const transfers = await check.query<{ from_id: number; to_id: number; amount: string }>("SELECT from_id, to_id, amount FROM transfers");
    const expectedBalances = new Map(Array.from({ length: ACCOUNTS }, (_, i) => [i + 1, OPENING_BALANCE]));
    for (const transfer of committedTransfers) {
      expectedBalances.set(transfer.from, expectedBalances.get(transfer.from)! - transfer.amount);
      expectedBalances.set(transfer.to, expectedBalances.get(transfer.to)! + transfer.amount);
    }

    await Promise.all(listeners.map((listener) => listener.end()));
    await Promise.all(Object.values(pools).map((pool) => pool.end()));
    console.log(`embedded load: ${OPERATIONS} operations in ${elapsedMs} ms, max ${maxInFlight} in flight`, counts);

    expect(errors.map(String)).toEqual([]);
    expect(mismatches).toEqual([]);
    expect(maxInFlight).toBeGreaterThanOrEqual(10);
    expect(Object.values(counts).reduce((sum, count) => sum + count, 0)).toBeGreaterThanOrEqual(1_000);
    for (const kind of ["readKnown", "readWritten", "insert", "rolledBackInsert", "transfer", "notify"]) expect(counts[kind] ?? 0).toBeGreaterThan(0);

    // Inserts: exactly the acknowledged rows, with exactly the acknowledged contents.
    expect(items.rows.length).toBe(acknowledgedItems.size);
    for (const row of items.rows) expect(acknowledgedItems.get(row.id)).toEqual({ source: row.source, payload: row.payload });
    const stored = new Set(items.rows.map((row) => row.payload));
    expect(rolledBackPayloads.filter((payload) => stored.has(payload))).toEqual([]);

    // Transfers: money is conserved and each balance is the opening balance plus its committed transfers.
    expect(accounts.rows.reduce((sum, row) => sum + Number(row.balance), 0)).toBe(ACCOUNTS * OPENING_BALANCE);
    expect(new Map(accounts.rows.map((row) => [row.id, Number(row.balance)]))).toEqual(expectedBalances);
    expect(transfers.rows.length).toBe(committedTransfers.length);

    for (const name of ["app", "worker"] as const) {
      expect([...received[name]].sort()).toEqual([...sentNotifications[name]].sort());
    }
  });
});

type WriterRun = { child: ChildProcess; acks: Set<string>; ready: { port: number; pid: number }; closed: Promise<void> };

/** Starts the writer child on `dataDir` and resolves once it has acknowledged `minAcks` commits. */
function startWriter(dataDir: string, minAcks: number): Promise<WriterRun> {
  const child = spawn(process.execPath, ["--import", "tsx", writerScript, dataDir], {
    cwd: projectRoot,
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  const acks = new Set<string>();
  let stderr = "";
  child.stderr!.on("data", (chunk) => (stderr += String(chunk)));
  const lines = readline.createInterface({ input: child.stdout! });
  // Lines already in the pipe when the child dies were printed after a COMMIT: they count too.
  // …and the child must also have been reaped (a killed child is a zombie until then, and a zombie
  // still "exists" for kill(pid, 0)).
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const closed = Promise.all([new Promise<void>((resolve) => lines.once("close", resolve)), exited]).then(() => undefined);
  return new Promise((resolve, reject) => {
    let ready: WriterRun["ready"] | null = null;
    const timer = setTimeout(() => reject(new Error(`writer: ${acks.size} acks after 60 s. stderr:\n${stderr}`)), 60_000);
    lines.on("line", (line) => {
      const [kind, ...fields] = line.split(" ");
      if (kind === "ready") ready = { port: Number(fields[0]), pid: Number(fields[1]) };
      if (kind === "ack") acks.add(fields[0]);
      if (ready && acks.size === minAcks) {
        clearTimeout(timer);
        resolve({ child, acks, ready, closed });
      }
    });
    child.once("exit", (code, signal) => {
      if (acks.size < minAcks) {
        clearTimeout(timer);
        reject(new Error(`writer exited (${code ?? signal}) after ${acks.size} acks. stderr:\n${stderr}`));
      }
    });
  });
}

function killHard(pid: number) {
  try {
    process.kill(pid, "SIGKILL");
  } catch {
    // already gone
  }
}

async function readBack(server: EmbeddedServer) {
  const client = new pg.Client({ connectionString: server.adminUrl });
  await client.connect();
  try {
    const rows = await client.query<{ id: string; payload: string }>("SELECT id, payload FROM crash_rows");
    const counter = await client.query<{ total: string }>("SELECT total FROM crash_counter WHERE id = 1");
    return { rows: new Map(rows.rows.map((row) => [row.id, row.payload])), counter: Number(counter.rows[0].total) };
  } finally {
    await client.end();
  }
}

describe("embedded PostgreSQL after kill -9", () => {
  const dataDir = path.join(tempRoot, "crash");
  const MIN_ACKS = 200;
  const allAcks = new Set<string>();

  function expectEveryAck(stored: Awaited<ReturnType<typeof readBack>>) {
    const missing = [...allAcks].filter((id) => stored.rows.get(id) !== `row-${id}`);
    expect(missing).toEqual([]);
    // Each row was committed together with its counter increment: neither half may survive alone.
    expect(stored.counter).toBe(stored.rows.size);
  }

  it("keeps every committed row when the app is killed, and the next start takes over the orphaned server", { timeout: 120_000 }, async () => {
    const run = await startWriter(dataDir, MIN_ACKS);
    killHard(run.child.pid!);
    await run.closed;
    for (const id of run.acks) allAcks.add(id);

    // The server the killed app had started is still running, now without an owner.
    const orphan = postmasterPid(dataDir);
    expect(orphan).not.toBeNull();
    expect(isAlive(orphan!)).toBe(true);

    const server = await startServer(dataDir);
    expect(isAlive(orphan!)).toBe(false);
    expectEveryAck(await readBack(server));
    await server.stop();
  });

  it("refuses to take over a server whose app is still running", { timeout: 120_000 }, async () => {
    const run = await startWriter(dataDir, 20);
    const owned = postmasterPid(dataDir)!;
    await expect(startEmbeddedPostgres({ dataDir })).rejects.toThrow(/in use/);
    expect(isAlive(owned)).toBe(true);
    const acksBefore = run.acks.size;
    await waitUntil(() => run.acks.size > acksBefore + 20, 10_000);
    expect(run.acks.size).toBeGreaterThan(acksBefore + 20); // the running app was not disturbed
    killHard(run.child.pid!);
    await run.closed;
    for (const id of run.acks) allAcks.add(id);
  });

  it("keeps every committed row when the database server itself is killed, and starts again", { timeout: 120_000 }, async () => {
    const run = await startWriter(dataDir, MIN_ACKS);
    const postmaster = postmasterPid(dataDir)!;
    killHard(postmaster);
    killHard(run.child.pid!);
    await run.closed;
    for (const id of run.acks) allAcks.add(id);
    expect(await waitUntil(() => !isAlive(postmaster), 5_000)).toBe(true);
    expect(fs.existsSync(path.join(dataDir, "pgdata", "postmaster.pid"))).toBe(true); // stale lock file

    const server = await startServer(dataDir);
    expectEveryAck(await readBack(server));
    await server.stop();
  });

  it("starts on a data folder whose stale pid file names an unrelated live process", { timeout: 120_000 }, async () => {
    const pidFile = path.join(dataDir, "pgdata", "postmaster.pid");
    expect(fs.existsSync(pidFile)).toBe(false); // a clean stop removes it
    // What a reboot can leave: the recorded pid now belongs to some other process (here: this one).
    fs.writeFileSync(pidFile, `${process.pid}\n${path.join(dataDir, "pgdata")}\n0\n54329\n\n127.0.0.1\n0 0\nready\n`);
    const server = await startServer(dataDir);
    expect(isAlive(process.pid)).toBe(true);
    expectEveryAck(await readBack(server));
    await server.stop();
  });
});
