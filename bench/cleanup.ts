/**
 * Last-resort cleanup when the benchmark is interrupted (Ctrl-C, SIGTERM): the suites' own
 * try/finally blocks do the normal cleanup; these hooks catch the rest. On a signal every hook
 * runs (async ones get up to 5 s) before the process exits; a second signal exits at once.
 */
type Hook = () => void | Promise<unknown>;

const hooks = new Set<Hook>();
let installed = false;
let interrupted = false;

function runHooks(): Promise<unknown>[] {
  const pending = [...hooks].map((hook) => {
    try {
      return Promise.resolve(hook()).catch(() => undefined);
    } catch {
      return Promise.resolve();
    }
  });
  hooks.clear();
  return pending;
}

function onSignal(): void {
  if (interrupted) process.exit(130);
  interrupted = true;
  const pending = runHooks();
  void Promise.race([Promise.all(pending), new Promise((done) => setTimeout(done, 5_000))]).then(() => process.exit(130));
}

/** Registers a cleanup step; call the returned function once it has been done normally. */
export function onAbort(hook: Hook): () => void {
  if (!installed) {
    installed = true;
    process.on('exit', () => void runHooks());
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  }
  hooks.add(hook);
  return () => void hooks.delete(hook);
}
