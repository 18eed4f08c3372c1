// Graceful shutdown. The server (scripts/server.mjs) stops taking requests on SIGTERM or
// SIGINT, waits for those in flight, then runs the hooks registered here, newest first (so a
// queue worker registered after the database stops before the database closes), and exits 0.
// The registry lives on globalThis: the server script and the app's bundles share it.

type Hook = () => Promise<void> | void;

interface Lifecycle {
  hooks: Map<string, Hook>;
  shuttingDown: boolean;
  /** Called by the server script once no request is in flight. */
  run(log?: (event: { hook: string; ms: number; error?: unknown }) => void): Promise<void>;
}

const KEY = Symbol.for("avtalsregistret.lifecycle");
const HOOK_TIMEOUT_MS = 10_000;

function lifecycle(): Lifecycle {
  const g = globalThis as { [KEY]?: Lifecycle };
  return (g[KEY] ??= {
    hooks: new Map(),
    shuttingDown: false,
    async run(log) {
      this.shuttingDown = true;
      for (const [name, hook] of [...this.hooks].reverse()) {
        const started = Date.now();
        try {
          await Promise.race([
            hook(),
            new Promise((_, reject) => setTimeout(() => reject(new Error(`timed out after ${HOOK_TIMEOUT_MS} ms`)), HOOK_TIMEOUT_MS).unref()),
          ]);
          log?.({ hook: name, ms: Date.now() - started });
        } catch (error) {
          log?.({ hook: name, ms: Date.now() - started, error });
        }
      }
      this.hooks.clear();
    },
  });
}

/**
 * Runs `fn` at shutdown, after the last request in flight has finished. Registering the same
 * name again replaces the hook (a dev reload re-registers).
 */
export function onShutdown(name: string, fn: Hook): void {
  const l = lifecycle();
  l.hooks.delete(name);
  l.hooks.set(name, fn);
}

/** True once shutdown began: readiness answers 503 so that a load balancer stops sending. */
export function isShuttingDown(): boolean {
  return lifecycle().shuttingDown;
}

/** Marks the start of shutdown (the server calls it when the signal arrives). */
export function beginShutdown(): void {
  lifecycle().shuttingDown = true;
}

/** Runs every hook once, newest first; a failing or hanging hook does not stop the others. */
export function runShutdownHooks(log?: Parameters<Lifecycle["run"]>[0]): Promise<void> {
  return lifecycle().run(log);
}
