// Next's start-up hook. The job worker (due-time timers of flows) runs inside the app process by
// default; set FLOWRIGHT_WORKER=off when it runs as separate `npm run worker` processes instead.

export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  if (process.env.FLOWRIGHT_WORKER === "off") return;
  const { startInProcessWorker } = await import("./lib/jobs/in-process");
  startInProcessWorker();
}
