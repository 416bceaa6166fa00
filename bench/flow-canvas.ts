// npx tsx bench/flow-canvas.ts — prints, never asserts: how the canvas designer (/flows/[id]/edit)
// copes with a flow of 50 levels and 80 branches, beside a 3-level flow measured in the same run:
//   - time to first render: navigation start → every node of the canvas drawn (measured by React Flow);
//   - frame times while panning (a mouse drag on the empty pane) and while dragging one level around,
//     3 s each: requestAnimationFrame timestamps collected in the page, p50/p95/max of the gaps and
//     dropped frames (a gap > 33 ms: the next frame of a 60 Hz screen was missed at least twice).
// Rounds interleave the two flows (3 × each) and the ratio 50-level ÷ 3-level is the figure to quote:
// the machine's speed swings between runs, the ratio much less.
// Server: DATABASE_URL or postgresql://postgres@127.0.0.1:5432/postgres; a scratch database is created,
// seeded and dropped; the flows are written through the service layer. The app is the production
// build of this checkout (`next build` first when missing or stale, untimed), started on a free port
// with the scratch database. Browser: Debian's /usr/bin/chromium (CHROMIUM_PATH), headless.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import net from "node:net";
import os from "node:os";
import { chromium, type Page } from "@playwright/test";
import { allowServerOnlyModules } from "@/lib/jobs/server-only-hook";
import { DEMO_PASSWORD } from "@/lib/seed/demo";
import type { TFlowBranch, TFlowDefinition, TFlowLevel } from "@/lib/flows/definition";
import { buildReason } from "../scripts/lib/build-if-needed";
import { projectRoot } from "../scripts/lib/database";
import { runPrisma } from "../scripts/lib/prisma-cli";
import { SERVER, admin, fmt, percentile, withDatabase } from "./lib";

const ROUNDS = 3;
const GESTURE_MS = 3_000;
const DROPPED_MS = 33.4;
const BIG = { levels: 50, branches: 80 };
const VIEWPORT = { width: 1600, height: 1000 };

// ── the flows ─────────────────────────────────────────────────────────────────────────────────────

/**
 * `levels` levels in a chain (each level's default goes to the next, the last one's completes) plus
 * conditional branches skipping ahead ("amount >= …" on the expense form filled at level 1) until
 * there are `branches` branches.
 */
function chainFlow(levels: number, branches: number, formVersionId: string, financeRoleId: string): TFlowDefinition {
  const items: TFlowLevel[] = Array.from({ length: levels }, (_, index) => ({
    id: randomUUID(),
    name: `Level ${index + 1}`,
    order: index + 1,
    approvalMode: "ANY",
    requiredApprovals: 1,
    allowedActions: index === 0 ? ["submit"] : ["approve", "reject", "send_back"],
    allowSelfApproval: false,
    ...(index === 0 ? {} : { dueInHours: 24 + index }),
    assignees: index === 0 ? [{ kind: "INITIATOR" }] : index % 2 ? [{ kind: "INITIATOR_MANAGER" }] : [{ kind: "ROLE", roleId: financeRoleId }],
    taskVersionIds: index === 0 ? [formVersionId] : [],
  }));
  const edges: TFlowBranch[] = items.map((level, index) => ({
    id: randomUUID(),
    name: "",
    fromLevelId: level.id,
    target: index + 1 < levels ? "LEVEL" : "COMPLETE",
    toLevelId: items[index + 1]?.id ?? null,
    condition: null,
    isDefault: true,
    priority: 1,
  }));
  const span = Math.max(1, levels - 2);
  for (let index = 1; edges.length < branches; index++) {
    const from = items[index % span]!;
    const to = items[Math.min(levels - 1, (index % span) + 2 + (index % 2))]!;
    edges.push({ id: randomUUID(), name: "", fromLevelId: from.id, target: "LEVEL", toLevelId: to.id, condition: `amount >= ${1_000 * index}`, isDefault: false, priority: 0 });
  }
  return { schemaVersion: 1, levels: items, branches: edges };
}

// ── the app ───────────────────────────────────────────────────────────────────────────────────────

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitHealthy(base: string, child: ChildProcess, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode}`);
    const ok = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(2_000) }).then((response) => response.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${base} was not healthy within ${timeoutMs / 1000} s`);
}

function buildIfNeeded() {
  const reason = buildReason(projectRoot);
  if (!reason) return;
  console.log(`Building first (${reason}); not timed…`);
  const built = spawnSync("node_modules/.bin/next", ["build"], { cwd: projectRoot, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (built.status !== 0) throw new Error("next build failed");
}

// ── measuring in the page ─────────────────────────────────────────────────────────────────────────

/** Frame gaps, and `longTasks`: ms the main thread spent in tasks over 50 ms (the page's own work). */
type Gesture = { p50: number; p95: number; max: number; dropped: number; frames: number; seconds: number; longTasks: number };
type Sample = { firstRender: number; pan: Gesture; drag: Gesture };

/** Starts collecting requestAnimationFrame timestamps in the page (a string: tsx would wrap a named function in a helper the page lacks). */
const startFrames = (page: Page) =>
  page.evaluate(`(() => {
    window.__frames = [];
    window.__recording = true;
    window.__longTasks = 0;
    window.__observer?.disconnect();
    window.__observer = new PerformanceObserver((list) => { for (const entry of list.getEntries()) window.__longTasks += entry.duration; });
    window.__observer.observe({ type: "longtask" });
    const loop = (time) => {
      if (!window.__recording) return;
      window.__frames.push(time);
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  })()`);

async function stopFrames(page: Page): Promise<Gesture> {
  const { frames, longTasks } = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean; __longTasks: number; __observer: PerformanceObserver };
    w.__recording = false;
    w.__observer.disconnect();
    return { frames: w.__frames, longTasks: w.__longTasks };
  });
  const gaps = frames.slice(1).map((time, index) => time - frames[index]!);
  const sorted = [...gaps].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) ?? 0, dropped: gaps.filter((gap) => gap > DROPPED_MS).length, frames: frames.length, seconds: ((frames.at(-1) ?? 0) - (frames[0] ?? 0)) / 1000, longTasks };
}

/** Moves the pressed mouse in a loop around (x, y) for GESTURE_MS, one step per ~16 ms, as a hand would. */
async function wiggle(page: Page, x: number, y: number, radius: number) {
  const began = Date.now();
  for (let step = 0; Date.now() - began < GESTURE_MS; step++) {
    const angle = (step / 60) * 2 * Math.PI;
    await page.mouse.move(x + radius * Math.sin(angle), y + radius * (1 - Math.cos(angle)) * 0.5);
    const next = began + (step + 1) * 16;
    if (next > Date.now()) await new Promise((resolve) => setTimeout(resolve, next - Date.now()));
  }
}

/** A point of the canvas where the empty pane is under the mouse (panning starts there). */
async function emptyPanePoint(page: Page) {
  const point = await page.evaluate(() => {
    const pane = document.querySelector(".react-flow__pane")!.getBoundingClientRect();
    for (let fy = 0.15; fy < 0.9; fy += 0.05) {
      for (let fx = 0.3; fx < 0.7; fx += 0.03) {
        const x = pane.left + pane.width * fx;
        const y = pane.top + pane.height * fy;
        if (document.elementFromPoint(x, y)?.classList.contains("react-flow__pane")) return { x, y };
      }
    }
    return null;
  });
  if (!point) throw new Error("no empty spot on the pane to pan from");
  return point;
}

async function measure(page: Page, base: string, flow: { id: string; nodes: number; dragLevel: string }): Promise<Sample> {
  await page.goto(`${base}/flows/${flow.id}/edit`, { waitUntil: "commit" });
  // React Flow hides a node until it has measured it: "drawn" is every node measured and visible.
  await page.waitForFunction(
    (count) => {
      const nodes = [...document.querySelectorAll<HTMLElement>(".react-flow__node")];
      return nodes.length >= count && nodes.every((node) => node.style.visibility !== "hidden");
    },
    flow.nodes,
    { polling: "raf", timeout: 60_000 },
  );
  const firstRender = await page.evaluate(() => performance.now());
  await page.waitForTimeout(1_000);

  // Dragging a level in the middle of the flow by its centre (the card, not a handle; at the fitted
  // zoom of 50 levels a card is small).
  const node = page.locator(`.react-flow__node[aria-label^="${flow.dragLevel}:"]`);
  const box = (await node.boundingBox())!;
  const grip = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await page.mouse.move(grip.x, grip.y);
  await startFrames(page);
  const placed = () => node.evaluate((element) => (element as HTMLElement).style.transform);
  const placedBefore = await placed();
  await page.mouse.down();
  await page.mouse.move(grip.x + 40, grip.y + 40, { steps: 3 });
  // A gesture that moved nothing would measure an idle page: refuse the figure.
  if ((await placed()) === placedBefore) throw new Error(`dragging ${flow.dragLevel} did not move it`);
  await wiggle(page, grip.x, grip.y, 120);
  await page.mouse.up();
  const drag = await stopFrames(page);
  // The drop is an edit: the draft autosaves a moment later and the page re-renders with the saved
  // revision. Panning is measured after that, on its own.
  await page.getByRole("status").filter({ hasText: /^All changes saved at/ }).waitFor({ timeout: 30_000 });
  await page.waitForTimeout(300);

  const at = await emptyPanePoint(page);
  await page.mouse.move(at.x, at.y);
  await startFrames(page);
  const viewport = () => page.locator(".react-flow__viewport").evaluate((element) => (element as HTMLElement).style.transform);
  const viewportBefore = await viewport();
  await page.mouse.down();
  await page.mouse.move(at.x + 40, at.y + 40, { steps: 3 });
  if ((await viewport()) === viewportBefore) throw new Error("dragging the pane did not pan it");
  await wiggle(page, at.x, at.y, 200);
  await page.mouse.up();
  const pan = await stopFrames(page);
  return { firstRender, pan, drag };
}

// ── main ──────────────────────────────────────────────────────────────────────────────────────────

const medianOf = (values: number[]) => percentile([...values].sort((a, b) => a - b), 50);
const ms = (value: number) => `${fmt(value, value < 100 ? 1 : 0)} ms`;

function report(name: string, samples: Sample[]) {
  const gesture = (key: "pan" | "drag") => {
    const of = (pick: (g: Gesture) => number) => medianOf(samples.map((sample) => pick(sample[key])));
    return `${key === "pan" ? "pan " : "drag"} p50 ${ms(of((g) => g.p50))}, p95 ${ms(of((g) => g.p95))}, max ${ms(of((g) => g.max))}, dropped ${fmt(of((g) => g.dropped))} of ${fmt(of((g) => g.frames))} frames (${fmt(of((g) => g.frames / g.seconds), 0)} fps), long tasks ${ms(of((g) => g.longTasks))}`;
  };
  console.log(`  ${name}: first render ${ms(medianOf(samples.map((sample) => sample.firstRender)))}; ${gesture("drag")}; ${gesture("pan")}`);
}

async function main() {
  console.log(`Flow canvas benchmark — node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg().map((value) => value.toFixed(2)).join(" ")}`);
  const name = `flowright_bench_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const url = withDatabase(SERVER, name);
  const authSecret = randomBytes(32).toString("base64url");
  let app: ChildProcess | null = null;
  await admin(`CREATE DATABASE "${name}"`);
  try {
    const migrated = runPrisma(["migrate", "deploy"], { databaseUrl: url, capture: true });
    if (migrated.status !== 0) throw new Error(`Migrating the scratch database failed:\n${migrated.stdout}\n${migrated.stderr}`);
    process.env.DATABASE_URL = url;
    process.env.AUTH_SECRET = authSecret;
    allowServerOnlyModules();
    const { big, small } = await createFlowsThroughServices();
    buildIfNeeded();
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    // The job worker stays off: it is not part of drawing a canvas and would compete for the CPUs.
    app = spawn("node_modules/.bin/next", ["start", "-p", String(port), "-H", "127.0.0.1"], {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: url, AUTH_SECRET: authSecret, APP_URL: base, NEXT_TELEMETRY_DISABLED: "1", FLOWRIGHT_WORKER: "off" },
      stdio: "ignore",
      detached: true,
    });
    await waitHealthy(base, app);

    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"] });
    try {
      const page = await (await browser.newContext({ viewport: VIEWPORT })).newPage();
      await page.goto(`${base}/sign-in`);
      await page.getByLabel("Email").fill("admin@acme.com");
      await page.getByLabel("Password").fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL((address) => !address.pathname.startsWith("/sign-in"));
      const targets = [
        { name: `3 levels, ${small.branches} branches (baseline)`, flow: { id: small.id, nodes: 3 + 3, dragLevel: "Level 2" } },
        { name: `${BIG.levels} levels, ${big.branches} branches`, flow: { id: big.id, nodes: BIG.levels + 3, dragLevel: "Level 25" } },
      ];
      await measure(page, base, targets[1]!.flow); // warm-up: the route's code and the server's caches
      const samples = targets.map(() => [] as Sample[]);
      for (let round = 1; round <= ROUNDS; round++) {
        for (const [index, target] of targets.entries()) samples[index]!.push(await measure(page, base, target.flow));
        const last = samples.map((list) => list.at(-1)!);
        console.log(`  round ${round} (baseline / ${BIG.levels} levels): first render ${last.map((sample) => ms(sample.firstRender)).join(" / ")}; drag p95 ${last.map((sample) => ms(sample.drag.p95)).join(" / ")}; pan p95 ${last.map((sample) => ms(sample.pan.p95)).join(" / ")}`);
      }
      console.log(`\nMedians of ${ROUNDS} rounds, ${GESTURE_MS / 1000} s per gesture, viewport ${VIEWPORT.width}×${VIEWPORT.height}, headless chromium:`);
      targets.forEach((target, index) => report(target.name, samples[index]!));
      const ratio = (pick: (sample: Sample) => number) => `${(medianOf(samples[1]!.map(pick)) / medianOf(samples[0]!.map(pick))).toFixed(2)}×`;
      console.log(`\n${BIG.levels}-level ÷ baseline: first render ${ratio((sample) => sample.firstRender)}, drag p95 ${ratio((sample) => sample.drag.p95)}, pan p95 ${ratio((sample) => sample.pan.p95)}`);
      console.log(`Load average at the end: ${os.loadavg().map((value) => value.toFixed(2)).join(" ")} (${os.cpus().length} CPUs).`);
    } finally {
      await browser.close();
    }
  } finally {
    if (app?.pid && app.exitCode === null) {
      const exited = new Promise((resolve) => app!.once("exit", resolve));
      process.kill(-app.pid, "SIGTERM");
      await exited;
    }
    await import("@/lib/db").then(({ db }) => db.$disconnect()).catch(() => {});
    await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch((error: unknown) => console.error(`Could not drop ${name}: ${(error as Error).message}`));
  }
}

type Made = { id: string; branches: number };

/** The seed, then both flows as drafts through the service layer, each with its dagre layout saved. */
async function createFlowsThroughServices(): Promise<{ big: Made; small: Made }> {
  const { db } = await import("@/lib/db");
  const { seedDemoIfEmpty } = await import("@/lib/seed/demo");
  const { createFlow, saveFlowDraft } = await import("@/lib/flows/service");
  const { autoLayout } = await import("@/lib/flows/canvas/auto-layout");
  await seedDemoIfEmpty(db);
  const company = await db.company.findUniqueOrThrow({ where: { slug: "acme" } });
  const adminUser = await db.user.findFirstOrThrow({ where: { companyId: company.id, email: "admin@acme.com" } });
  const form = await db.taskVersion.findFirstOrThrow({ where: { companyId: company.id, state: "PUBLISHED", task: { name: "Expense Approval Form" } } });
  const role = await db.role.findFirstOrThrow({ where: { companyId: company.id, name: "Finance" } });
  const ctx = { companyId: company.id, actorId: adminUser.id, actorType: "USER" as const, ipAddress: null, userAgent: "bench", principal: null };
  const make = async (levels: number, branches: number): Promise<Made> => {
    const definition = chainFlow(levels, branches, form.id, role.id);
    const flow = await createFlow(ctx, { name: `Canvas bench ${levels} levels`, description: null });
    await saveFlowDraft(ctx, { flowId: flow.id, revision: flow.draft.revision, definition, layout: { nodes: autoLayout(definition) } });
    return { id: flow.id, branches: definition.branches.length };
  };
  return { big: await make(BIG.levels, BIG.branches), small: await make(3, 4) };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
