import { PookError } from './errors/pook-error.js';

// The one way into Node's builtin modules (and the packages pook loads on
// demand: Ajv, fast-xml-parser): a port whose loader the entry point
// chooses. Nothing here imports a `node:` module, so the browser build's
// module graph has none (docs/browsers.md); the Node entry (src/node/)
// installs Node's loader, the browser entry (src/browser/) one that has no
// builtins, and the features that need one say so with a PookError instead
// of failing in a bundler.
//
// Heavy builtins (node:https brings tls and crypto, node:fs its promises
// and streams, node:zlib its binding) are loaded where they are first
// needed, not when pook is imported: a test process that never reads a
// fixture file or sends a compressed body does not pay for them (cold start,
// docs/performance.md).

/** Loads a builtin module by its `node:` id, or returns `undefined` where the runtime has none. */
export type BuiltinLoader = (id: string) => unknown;

type GetBuiltinModule = (id: string) => unknown;

/**
 * Until an entry point says otherwise: `process.getBuiltinModule` where the
 * runtime has it (Node 22.3+, Bun, Deno), else nothing.
 */
const defaultLoader: BuiltinLoader = (id) => {
  const get = (globalThis as { process?: { getBuiltinModule?: GetBuiltinModule } }).process?.getBuiltinModule;
  return get === undefined ? undefined : get(id);
};

let loader: BuiltinLoader = defaultLoader;
// Looked up once: getBuiltinModule costs a few hundred ns per call, which
// activate() would pay on every activation.
const loaded = new Map<string, unknown>();

/** Sets how builtin modules are found (called once, by an entry point). */
export function useBuiltinLoader(next: BuiltinLoader): void {
  loader = next;
  loaded.clear();
}

/** The builtin module `id` (`'node:zlib'`…), loaded on the first call; `undefined` where the runtime has none. */
export function optionalBuiltin<T>(id: string): T | undefined {
  let module = loaded.get(id);
  if (module === undefined) {
    module = loader(id);
    if (module === undefined || module === null) return undefined;
    loaded.set(id, module);
  }
  return module as T;
}

/**
 * The builtin module `id` (`'node:zlib'`…), loaded on the first call.
 * @param feature - what needs it, for the error where the runtime has none (`'a file body'`)
 * @throws PookError when the runtime has no such module (a browser)
 */
export function builtin<T>(id: string, feature = 'this feature'): T {
  const module = optionalBuiltin<T>(id);
  if (module === undefined) throw unavailable(id, feature);
  return module;
}

/** The error for a feature that needs Node's builtin `id` where the runtime has none. */
export function unavailable(id: string, feature: string): PookError {
  return new PookError(`pook: ${feature} needs ${id}, which this runtime does not have (see docs/browsers.md)`);
}

interface ModuleApi {
  createRequire(from: string): (id: string) => unknown;
}

/**
 * A package (`'ajv'`, `'fast-xml-parser'`) loaded with `require` from
 * pook's own location, on the first call.
 * @param feature - what needs it, for the error where the runtime cannot load packages
 * @throws PookError when the runtime has no `require` (a browser)
 */
export function requirePackage<T>(id: string, feature: string): T {
  const { createRequire } = builtin<ModuleApi>('node:module', feature);
  return createRequire(import.meta.url)(id) as T;
}
