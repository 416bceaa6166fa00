import { Logger } from "graphile-worker";

// graphile-worker logs every job at info level; the app keeps warnings and errors (a worker that
// cannot reach the database, a job that keeps failing) and stays quiet otherwise.

/** Set by the worker script (`--verbose`) to see graphile-worker's info lines too. */
export const jobLogOptions = { verbose: false };

export const graphileLogger = new Logger((scope) => (level, message) => {
  if (level === "error") console.error(`[jobs${scope.label ? `:${scope.label}` : ""}] ${message}`);
  else if (level === "warning") console.warn(`[jobs${scope.label ? `:${scope.label}` : ""}] ${message}`);
  else if (jobLogOptions.verbose && level === "info") console.log(`[jobs] ${message}`);
});
