// The Next.js server that `npm start` runs: its port, the process, and the wait until it is healthy.
import net from "node:net";
import path from "node:path";
import { ScriptError } from "./database";
import { spawnGroup, type ChildGroup } from "./child-group";

/** PORT from the environment (default 3000), checked. */
export function readPort(): number {
  const raw = process.env.PORT?.trim() || "3000";
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port < 1 || port > 65_535) throw new ScriptError(`PORT must be a number from 1 to 65535, got "${raw}".`);
  return port;
}

/** Fails with one line when `port` is taken; binds the way `next start` does (all interfaces). */
export async function assertPortFree(port: number, command = "npm start"): Promise<void> {
  const code = await new Promise<string | null>((resolve) => {
    const server = net.createServer();
    server.once("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? "error"));
    server.listen(port, () => server.close(() => resolve(null)));
  });
  if (code === "EADDRINUSE") throw new ScriptError(`Port ${port} is in use. Stop what uses it or start with PORT=${port === 65_535 ? 3001 : port + 1} ${command}.`);
  if (code === "EACCES") throw new ScriptError(`Port ${port} needs special permissions. Start with a port above 1023, e.g. PORT=3000 ${command}.`);
  if (code) throw new ScriptError(`Cannot listen on port ${port} (${code}). Start with another port, e.g. PORT=3001 ${command}.`);
}

/** Starts `next start` (or `next dev`) on `port`, in its own process group. */
export function startNext(options: { root: string; port: number; dev: boolean; env: NodeJS.ProcessEnv }): ChildGroup {
  const bin = path.join(options.root, "node_modules", "next", "dist", "bin", "next");
  return spawnGroup(process.execPath, [bin, options.dev ? "dev" : "start", "-p", String(options.port)], {
    cwd: options.root,
    env: { ...options.env, NODE_ENV: options.dev ? "development" : "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
}

/**
 * Polls GET /api/health until it answers 200. Throws a ScriptError when the server exits first or
 * `timeoutMs` passes; returns quietly when `signal` aborts (the user stopped the start).
 */
export async function waitForHealth(options: { port: number; server: ChildGroup; timeoutMs: number; signal: AbortSignal }): Promise<void> {
  const url = `http://127.0.0.1:${options.port}/api/health`;
  const deadline = Date.now() + options.timeoutMs;
  let exitCode: number | null = null;
  void options.server.exited.then((code) => (exitCode = code));
  let last = "no answer yet";
  while (!options.signal.aborted) {
    if (exitCode !== null) throw new ScriptError(`The app exited (code ${exitCode}) before it was ready; see its output above.`);
    if (Date.now() > deadline) {
      throw new ScriptError(`The app did not answer ${url} with 200 within ${Math.round(options.timeoutMs / 1000)} s (last: ${last}).`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.any([options.signal, AbortSignal.timeout(5_000)]) });
      if (response.status === 200) return;
      last = `${response.status} ${(await response.text()).slice(0, 200)}`;
    } catch (error) {
      last = (error as Error).cause ? String((error as Error & { cause: unknown }).cause) : (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
