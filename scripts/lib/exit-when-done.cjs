// Preloaded into the Prisma CLI. Its Wasm schema engine leaves a 10 s timer running after every
// command, so the process lingers that long after the work is done. Long timers are unref'd here:
// they still fire if the process is alive anyway, but no longer keep it alive on their own.
const originalSetTimeout = global.setTimeout;
global.setTimeout = function setTimeoutUnrefLong(callback, delay, ...args) {
  const timer = originalSetTimeout(callback, delay, ...args);
  if (typeof delay === "number" && delay >= 5000 && timer && typeof timer.unref === "function") timer.unref();
  return timer;
};
