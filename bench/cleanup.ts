/**
 * Last-resort cleanup when the benchmark is interrupted (Ctrl-C) or exits early: the suites'
 * own try/finally blocks do the normal cleanup; these synchronous hooks catch the rest.
 */
const hooks = new Set<() => void>();
let installed = false;

function runHooks(): void {
  for (const hook of hooks) {
    try {
      hook();
    } catch {
      // best effort
    }
  }
  hooks.clear();
}

/** Registers a synchronous cleanup step; call the returned function once it is done normally. */
export function onAbort(hook: () => void): () => void {
  if (!installed) {
    installed = true;
    process.on('exit', runHooks);
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        runHooks();
        process.exit(130);
      });
    }
  }
  hooks.add(hook);
  return () => void hooks.delete(hook);
}
