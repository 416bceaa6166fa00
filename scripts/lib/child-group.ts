// Child processes in a process group of their own, so that stopping one also stops whatever it
// started (the server worker of `next dev`, the workers of `next build`).
import { spawn, type ChildProcess } from "node:child_process";
import os from "node:os";
import path from "node:path";

const ownGroup = process.platform !== "win32";

export type ChildGroup = {
  child: ChildProcess;
  /** Resolves with the exit code (128 + n when ended by signal n) once the child has exited. */
  exited: Promise<number>;
  /**
   * SIGTERM to the group, SIGKILL after `graceMs` or as soon as `hurry` aborts (a second Ctrl-C);
   * resolves with the exit code.
   */
  stop: (options?: { graceMs?: number; hurry?: AbortSignal }) => Promise<number>;
};

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    if (ownGroup) process.kill(-child.pid, signal);
    else child.kill(signal);
  } catch {
    // the whole group has exited already
  }
}

/** NODE_OPTIONS that make a Node child (and its Node children) end when this process is gone. */
function exitWithParentEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const preload = JSON.stringify(path.join(import.meta.dirname, "exit-with-parent.cjs"));
  return { ...env, FLOWRIGHT_OWNER_PID: String(process.pid), NODE_OPTIONS: `${env.NODE_OPTIONS ?? ""} --require ${preload}`.trim() };
}

/** Spawns `command` (a Node program) with inherited stdio in a new process group. */
export function spawnGroup(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): ChildGroup {
  const child = spawn(command, args, { cwd: options.cwd, env: exitWithParentEnv(options.env), stdio: "inherit", detached: ownGroup });
  let running = true;
  // The group does not receive the terminal's Ctrl-C, so it must never outlive this process: killed
  // here when this process exits, and by exit-with-parent.cjs when it is killed outright.
  const killOnExit = () => signalGroup(child, "SIGKILL");
  process.on("exit", killOnExit);
  const exited = new Promise<number>((resolve) => {
    const done = (code: number) => {
      running = false;
      process.removeListener("exit", killOnExit);
      resolve(code);
    };
    child.once("exit", (code, signal) => done(code ?? (signal ? 128 + (os.constants.signals[signal] ?? 0) : 1)));
    child.once("error", (error) => {
      console.error(`Could not run ${command}: ${error.message}`);
      done(1);
    });
  });

  const stop: ChildGroup["stop"] = async ({ graceMs = 10_000, hurry } = {}) => {
    if (!running) return exited;
    signalGroup(child, "SIGTERM");
    const kill = () => signalGroup(child, "SIGKILL");
    const timer = setTimeout(kill, graceMs);
    hurry?.addEventListener("abort", kill, { once: true });
    if (hurry?.aborted) kill();
    try {
      return await exited;
    } finally {
      clearTimeout(timer);
      hurry?.removeEventListener("abort", kill);
    }
  };
  return { child, exited, stop };
}
