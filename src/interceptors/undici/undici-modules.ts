import Module from 'node:module';
import { watchRequires } from '../shared/module-loads.js';
import { patch } from '../shared/property-patch.js';

/** What pook needs of a module of the undici package: its dispatcher classes. */
export interface UndiciModule {
  readonly Agent?: { prototype: object };
  readonly Client?: { prototype: object };
}

type Listener = (module: UndiciModule) => void;

/** Whether a module request or file name is the undici package's entry point. */
function isUndici(request: string): boolean {
  return request === 'undici' || /[\\/]node_modules[\\/]undici[\\/]index\.js$/.test(request);
}

function isModule(value: unknown): value is UndiciModule {
  return value !== null && typeof value === 'object';
}

// Every module seen so far, and who wants to hear of the next ones.
const modules = new Set<UndiciModule>();
const listeners = new Set<Listener>();
// Whether Node reports every require() (src/interceptors/shared/module-loads.ts):
// undefined until first asked.
let watching: boolean | undefined;

function found(module: unknown): void {
  if (!isModule(module) || modules.has(module)) return;
  modules.add(module);
  for (const listener of listeners) listener(module);
}

function scanCache(): void {
  const cache = (Module as unknown as { _cache: Record<string, { exports: unknown } | undefined> })._cache;
  for (const key in cache) if (isUndici(key)) found(cache[key]?.exports);
}

/** Listens, once per process, to every require() for the undici package. */
function watch(): boolean {
  if (watching !== undefined) return watching;
  watching =
    watchRequires((id, exports) => {
      if (isUndici(id)) found(exports);
    }) !== undefined;
  return watching;
}

/**
 * Every module of the undici package loaded in the process, and those loaded
 * from now on, handed to `listener` as they load, until the returned
 * function is called.
 *
 * Where Node reports every require (Node 22 and later), the modules are
 * known once and for all: `Module._cache` is read on the first call only,
 * and nothing is patched, so activation costs the same with 10 or 10,000
 * modules loaded (reading the cache grows with every module loaded).
 * Elsewhere the cache is read on every call, and
 * `Module._load` is patched until the returned function is called.
 *
 * @example
 * ```ts
 * const stop = watchUndiciModules((module) => patchDispatchers(module));
 * stop(); // no more calls, and Module._load as it was
 * ```
 */
export function watchUndiciModules(listener: Listener): () => void {
  // Read the cache the first time, and every time where Node reports no requires.
  const first = watching === undefined;
  if (!watch() || first) scanCache();
  for (const module of modules) listener(module);
  listeners.add(listener);
  if (watching === true) return () => void listeners.delete(listener);
  type Load = (request: string, ...rest: unknown[]) => unknown;
  const restore = patch<Load>(
    Module as unknown as object,
    '_load',
    (load) =>
      function _load(this: unknown, request: string, ...rest: unknown[]): unknown {
        const exports = load.call(this, request, ...rest);
        if (typeof request === 'string' && isUndici(request)) found(exports);
        return exports;
      },
  );
  return () => {
    listeners.delete(listener);
    restore();
  };
}
