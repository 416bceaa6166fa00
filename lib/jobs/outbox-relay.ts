import "server-only";
import pg from "pg";
import { dispatchOutbox } from "@/lib/triggers/dispatch";

// Wakes the trigger dispatcher when outbox events commit: a statement trigger on outbox_events sends
// NOTIFY flowright_outbox (delivered at commit), and every worker LISTENs. A poll every few seconds
// covers events committed while no worker was listening. Dispatch runs one at a time per process and
// re-runs once if woken meanwhile; several processes share the work (SKIP LOCKED).

export const OUTBOX_CHANNEL = "flowright_outbox";

export async function startOutboxRelay(connectionString: string, options: { pollMs?: number } = {}): Promise<{ stop(): Promise<void> }> {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const dispatch = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        await dispatchOutbox().catch((error: unknown) => console.error("outbox relay: dispatch failed:", (error as Error).message));
      } while (again && !stopped);
    })().finally(() => {
      running = null;
    });
  };
  const listener = new pg.Client({ connectionString, application_name: "flowright-outbox-relay" });
  listener.on("error", (error) => console.error("outbox relay: listening connection failed:", error.message));
  listener.on("notification", dispatch);
  await listener.connect();
  await listener.query(`LISTEN ${OUTBOX_CHANNEL}`);
  const timer = setInterval(dispatch, options.pollMs ?? 5_000);
  timer.unref();
  dispatch();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
      await listener.end().catch(() => {});
    },
  };
}
