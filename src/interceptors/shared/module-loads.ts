import { createRequire } from 'node:module';
import { builtin } from '../../core/builtin.js';

// Passive listeners to Node's module tracing channels (no patch): pook hears
// what the process loads without loading it itself. One subscription per
// channel and process; callers add and remove listeners, which costs next to
// nothing per activation.

/** Hears one `require()`: the request as written and what it returned. */
export type RequireListener = (id: string, exports: unknown) => void;

interface TracingContext {
  readonly id?: unknown;
  readonly result?: unknown;
}

type TracingChannel = ReturnType<typeof import('node:diagnostics_channel').tracingChannel>;

function tracingChannel(name: string): TracingChannel | undefined {
  const dc = builtin<typeof import('node:diagnostics_channel')>('node:diagnostics_channel');
  return typeof dc.tracingChannel === 'function' ? dc.tracingChannel(name) : undefined;
}

const requireListeners = new Set<RequireListener>();
// Whether Node reports every require() (the `module.require` tracing channel,
// Node 22 and later): undefined until first asked.
let watchingRequires: boolean | undefined;

/**
 * Subscribes, once per process, to Node's `module.require` tracing channel,
 * which reports every `require()` (builtins included) and every ESM import
 * of a CommonJS module with the exports. Probed with a require of a
 * builtin, as Node 20 has no such channel.
 */
function watchRequireChannel(): boolean {
  if (watchingRequires !== undefined) return watchingRequires;
  watchingRequires = false;
  const channel = tracingChannel('module.require');
  if (channel === undefined) return false;
  let heard = false;
  const end = (context: unknown): void => {
    const { id, result } = context as TracingContext;
    heard ||= id === 'node:path';
    if (typeof id !== 'string') return;
    for (const listener of requireListeners) listener(id, result);
  };
  const handlers = { start() {}, end, asyncStart() {}, asyncEnd() {}, error() {} };
  channel.subscribe(handlers);
  createRequire(`${process.cwd()}/`)('node:path');
  if (!heard) channel.unsubscribe(handlers);
  watchingRequires = heard;
  return heard;
}

/**
 * Hands every `require()` of the process, from now on, to `listener`, until
 * the returned function is called; `undefined` (and no listener kept) where
 * Node does not report them (before Node 22).
 *
 * @example
 * ```ts
 * const stop = watchRequires((id, exports) => { if (id === 'undici') patch(exports); });
 * stop?.();
 * ```
 */
export function watchRequires(listener: RequireListener): (() => void) | undefined {
  if (!watchRequireChannel()) return undefined;
  requireListeners.add(listener);
  return () => void requireListeners.delete(listener);
}

const importListeners = new Set<() => void>();
let watchingImports = false;

/**
 * Calls `listener` whenever a dynamic `import()` of the process has loaded
 * its module graph (Node's `module.import` tracing channel), before the
 * importer gets the module, until the returned function is called. Where
 * Node has no such channel, `listener` is never called.
 *
 * @example
 * ```ts
 * const stop = watchImports(() => lookForNewModules());
 * stop();
 * ```
 */
export function watchImports(listener: () => void): () => void {
  if (!watchingImports) {
    watchingImports = true;
    const settled = (): void => {
      for (const listener of importListeners) listener();
    };
    tracingChannel('module.import')?.subscribe({ start() {}, end() {}, asyncStart() {}, asyncEnd: settled, error() {} });
  }
  importListeners.add(listener);
  return () => void importListeners.delete(listener);
}
