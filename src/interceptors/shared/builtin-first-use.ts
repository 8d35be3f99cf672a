import { optionalBuiltin } from '../../core/builtin.js';
import type { PatchSet } from './patch-set.js';
import { patch } from './property-patch.js';

// Loading node:https costs about 9 ms of a test file's start (it brings tls
// and crypto), more than the rest of pook's import and activation together.
// A process that has not loaded it yet cannot send an https request until it
// does, so the http interceptor patches https when the process first reaches
// for it, instead of loading it at activation (docs/performance.md, "Load
// less"). To fail closed, every public way to reach a builtin is watched
// while the interceptor is active:
//
// - `require()`, `import` (static or dynamic) and `createRequire()`: a
//   synchronous resolve hook (`module.registerHooks`), which runs before the
//   module object is handed over, so both `https.request` and the named ESM
//   export `request` are pook's;
// - `process.getBuiltinModule()`: patched for as long as the watch lasts.
//
// Where the runtime offers neither the hook nor Node's list of loaded
// builtins (Bun, Deno, Node 22 before 22.15), or refuses the hook (Jest's
// sandboxed `node:module`), the builtin is loaded at once, as before.

type ResolveResult = { url: string };
type NextResolve = (specifier: string, context: unknown) => ResolveResult;
interface ModuleHooks {
  registerHooks?(hooks: { resolve(specifier: string, context: unknown, next: NextResolve): ResolveResult }): { deregister(): void };
}
type GetBuiltinModule = (id: string) => unknown;
interface ProcessWithBuiltins {
  moduleLoadList?: unknown;
  getBuiltinModule?: GetBuiltinModule;
}

/** Whether Node's own list says the builtin `name` (`'https'`) is loaded; `undefined` where the runtime keeps no such list. */
function isLoaded(process: ProcessWithBuiltins, name: string): boolean | undefined {
  const list = process.moduleLoadList;
  // The http interceptor runs with node:http loaded: a list without it is not the list this code knows.
  if (!Array.isArray(list) || !list.includes('NativeModule http')) return undefined;
  return list.includes(`NativeModule ${name}`);
}

/**
 * Runs `use` once, before any code outside pook gets the builtin `id`
 * (`'node:https'`): now when the process has already loaded it (or the
 * runtime cannot tell), else at the first `require`, `import` or
 * `process.getBuiltinModule` of it while `patches` is active. The watch is
 * part of `patches`: restoring them removes it and its patch of
 * `process.getBuiltinModule`.
 */
export function onFirstUse(patches: PatchSet, id: `node:${string}`, use: () => void): void {
  const process = (globalThis as { process?: ProcessWithBuiltins }).process;
  const name = id.slice('node:'.length);
  const registerHooks = optionalBuiltin<ModuleHooks>('node:module')?.registerHooks;
  if (process === undefined || typeof registerHooks !== 'function' || typeof process.getBuiltinModule !== 'function' || isLoaded(process, name) !== false) {
    use();
    return;
  }
  let watching = true;
  const stop = (): void => {
    if (!watching) return;
    watching = false;
    hooks.deregister();
    restoreGet();
  };
  const fire = (): void => {
    if (!watching) return;
    stop();
    use();
  };
  let hooks: { deregister(): void };
  try {
    hooks = registerHooks({
      resolve(specifier, context, next) {
        const resolved = next(specifier, context);
        if (resolved.url === id) fire();
        return resolved;
      },
    });
  } catch {
    // A sandbox that refuses hooks (Jest's module registry throws): load it now.
    watching = false;
    use();
    return;
  }
  const restoreGet = patch<GetBuiltinModule>(
    process,
    'getBuiltinModule',
    (real) =>
      function getBuiltinModule(this: unknown, request: string): unknown {
        if (request === id || request === name) fire();
        return real.call(this, request);
      },
  );
  patches.onRestore(stop);
}
