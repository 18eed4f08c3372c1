// Shutdown hooks: on SIGTERM (or SIGINT) every hook registered with onShutdown runs, newest
// first, before the process exits. Helper B owns the full version (stop taking requests,
// finish those in flight); this keeps its interface.

type Hook = { name: string; fn: () => Promise<void> | void };

interface LifecycleState {
  hooks: Hook[];
  installed?: boolean;
  running?: Promise<void>;
}
const state: LifecycleState = ((globalThis as { __avtalsregistretLifecycle?: LifecycleState }).__avtalsregistretLifecycle ??= { hooks: [] });

export function onShutdown(name: string, fn: () => Promise<void> | void): void {
  state.hooks = state.hooks.filter((h) => h.name !== name);
  state.hooks.push({ name, fn });
  if (!state.installed) {
    state.installed = true;
    for (const signal of ["SIGTERM", "SIGINT"] as const) {
      process.once(signal, () => {
        void runShutdownHooks().finally(() => process.exit(0));
      });
    }
  }
}

/** Runs every hook once (a failing hook does not stop the others). */
export function runShutdownHooks(): Promise<void> {
  state.running ??= (async () => {
    for (const hook of [...state.hooks].reverse()) {
      try {
        await hook.fn();
      } catch (error) {
        console.error(`[avtalsregistret] shutdown hook ${hook.name} failed:`, error);
      }
    }
  })();
  return state.running;
}
