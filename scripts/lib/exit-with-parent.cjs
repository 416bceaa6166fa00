// Preloaded (NODE_OPTIONS) into the Next server that `npm start` runs, and into everything it
// spawns. If npm start's own process dies without cleaning up (kill -9), the server would keep the
// port and the next `npm start` would fail; instead it ends itself within a second.
const owner = Number(process.env.FLOWRIGHT_OWNER_PID);
if (owner > 0 && owner !== process.pid) {
  setInterval(() => {
    try {
      process.kill(owner, 0);
    } catch (error) {
      if (error.code === "ESRCH") process.kill(process.pid, "SIGTERM");
    }
  }, 1000).unref();
}
