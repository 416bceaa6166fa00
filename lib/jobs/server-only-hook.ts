import { register } from "node:module";

// Server modules start with `import "server-only"`, a marker that throws outside React's server
// bundles. Plain Node processes that run server code on purpose (the worker, benchmarks) call this
// first and then load server modules with dynamic `import()`: the marker resolves to an empty module.
// (Vitest does the same with an alias, see vitest.config.ts.)

const HOOK = `export async function resolve(specifier, context, next) {
  if (specifier === "server-only") return { url: "data:text/javascript,export {};", shortCircuit: true };
  return next(specifier, context);
}`;

let registered = false;

/** Makes `import "server-only"` a no-op in this process (for modules imported after the call). */
export function allowServerOnlyModules(): void {
  if (registered) return;
  registered = true;
  register(`data:text/javascript,${encodeURIComponent(HOOK)}`);
}
