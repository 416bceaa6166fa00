import "server-only";
import { startWorker, type WorkerHandle } from "./worker";

// The worker inside the app process (the default; FLOWRIGHT_WORKER=off leaves it to `npm run
// worker`). It starts in the background so the app serves at once, retries while the database is
// unreachable, and exists once per process even when `next dev` reloads modules.

const RETRY_MS = 30_000;
const globalForWorker = globalThis as unknown as { flowrightWorker?: { handle: WorkerHandle | null; stopped: boolean } };

/** Starts the in-process worker once; later calls do nothing. */
export function startInProcessWorker(): void {
  if (globalForWorker.flowrightWorker) return;
  const state: { handle: WorkerHandle | null; stopped: boolean } = { handle: null, stopped: false };
  globalForWorker.flowrightWorker = state;

  const attempt = async () => {
    if (state.stopped) return;
    try {
      state.handle = await startWorker({ concurrency: 2 });
      state.handle.promise.catch((error: unknown) => console.error("job worker stopped with an error:", (error as Error).message));
    } catch (error) {
      console.error(`job worker could not start (retrying in ${RETRY_MS / 1000} s):`, (error as Error).message);
      setTimeout(() => void attempt(), RETRY_MS).unref();
    }
  };
  void attempt();

  // Let running jobs finish on shutdown; a job cut short anyway is released by another worker's sweep.
  const stop = () => {
    state.stopped = true;
    void state.handle?.stop().catch((error: unknown) => console.error("job worker did not stop cleanly:", (error as Error).message));
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
