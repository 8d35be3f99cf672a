import { createRequire } from 'node:module';

// Heavy builtins (node:https brings tls and crypto, node:fs its promises
// and streams, node:zlib its binding) are loaded where they are first
// needed, not when pook is imported: a test process that never reads a
// fixture file or sends a compressed body does not pay for them (cold start,
// docs/performance.md).
let require: NodeJS.Require | undefined;
// Looked up once: getBuiltinModule costs a few hundred ns per call, which
// activate() would pay on every activation.
const loaded = new Map<string, unknown>();
/** The length `process.moduleLoadList` had when `loadedBuiltin(id)` last found `id` not loaded. */
const absent = new Map<string, number>();

/** The builtin module `id` (`'node:zlib'`…), loaded on the first call. */
export function builtin<T>(id: string): T {
  let module = loaded.get(id);
  if (module === undefined) {
    const get = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule;
    if (get !== undefined) module = get(id);
    else {
      require ??= createRequire(import.meta.url);
      module = require(id);
    }
    loaded.set(id, module);
  }
  return module as T;
}

/**
 * The builtin module `id` if Node has loaded it already (for anyone), else
 * `undefined`: never loads it. Where Node does not list what it loaded
 * (`process.moduleLoadList`), loads it, as {@link builtin} does.
 */
export function loadedBuiltin<T>(id: string): T | undefined {
  if (loaded.has(id)) return loaded.get(id) as T;
  const list = (process as { moduleLoadList?: unknown }).moduleLoadList;
  if (!Array.isArray(list)) return builtin<T>(id);
  // The list only grows: unchanged since the last look, the module is still not loaded.
  if (absent.get(id) === list.length) return undefined;
  if (list.includes(`NativeModule ${id.replace(/^node:/, '')}`)) return builtin<T>(id);
  absent.set(id, list.length);
  return undefined;
}
