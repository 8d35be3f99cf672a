import { optionalBuiltin } from '../../core/builtin.js';
import type { PatchSet } from './patch-set.js';
import { patch } from './property-patch.js';

// Loading node:http costs about 7 ms of a test file's start and node:https
// about 9 ms more (tls and crypto): more than the rest of pook's import and
// activation together. A process that has not loaded them cannot send a
// request through them until it does, so the http interceptor patches each
// when the process first reaches for it, instead of loading it at
// activation (docs/performance.md, "Load less"). To fail closed, every
// public way to reach a builtin is watched while the interceptor is active:
//
// - `require()`, `import` (static or dynamic) and `createRequire()`: a
//   synchronous resolve hook (`module.registerHooks`), which runs before the
//   module object is handed over, so both `https.request` and the named ESM
//   export `request` are pook's;
// - `process.getBuiltinModule()`: patched for as long as the watch lasts.
//
// Where the runtime offers neither the hook nor Node's list of loaded
// builtins (Bun, Deno, Node 22 before 22.15), or refuses the hook (Jest's
// sandboxed `node:module`), the builtins are loaded at once, as before.

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

/** Node's list of loaded builtins (`'NativeModule http'`…), or `undefined` where the runtime keeps none this code knows. */
function loadList(process: ProcessWithBuiltins): readonly string[] | undefined {
  const list = process.moduleLoadList;
  // Node loads its CommonJS loader at start-up: a list without it is not the list this code knows.
  return Array.isArray(list) && list.includes('NativeModule internal/modules/cjs/loader') ? (list as string[]) : undefined;
}

/**
 * Runs each function of `uses` once, before any code outside pook gets its
 * builtin (keys are `node:` ids, `'node:https'`): now for those the process
 * has already loaded (or all of them, where the runtime cannot tell), else
 * at the first `require`, `import` or `process.getBuiltinModule` of it while
 * `patches` is active. The watch is part of `patches`: restoring them
 * removes it and its patch of `process.getBuiltinModule`.
 */
export function onFirstUse(patches: PatchSet, uses: Readonly<Record<`node:${string}`, () => void>>): void {
  const process = (globalThis as { process?: ProcessWithBuiltins }).process;
  const registerHooks = optionalBuiltin<ModuleHooks>('node:module')?.registerHooks;
  const list = process === undefined ? undefined : loadList(process);
  const entries = Object.entries(uses) as Array<[`node:${string}`, () => void]>;
  if (process === undefined || list === undefined || typeof registerHooks !== 'function' || typeof process.getBuiltinModule !== 'function') {
    for (const [, use] of entries) use();
    return;
  }
  const waiting = new Map<string, () => void>();
  for (const [id, use] of entries) {
    if (list.includes(`NativeModule ${id.slice('node:'.length)}`)) use();
    else waiting.set(id, use);
  }
  if (waiting.size === 0) return;
  let hooks: { deregister(): void } | undefined;
  let restoreGet: (() => void) | undefined;
  const stop = (): void => {
    hooks?.deregister();
    hooks = undefined;
    restoreGet?.();
    restoreGet = undefined;
  };
  const fire = (id: string): void => {
    const use = waiting.get(id);
    if (use === undefined) return;
    waiting.delete(id);
    if (waiting.size === 0) stop();
    use();
  };
  try {
    hooks = registerHooks({
      resolve(specifier, context, next) {
        const resolved = next(specifier, context);
        fire(resolved.url);
        return resolved;
      },
    });
  } catch {
    // A sandbox that refuses hooks (Jest's module registry throws): load them now.
    for (const use of waiting.values()) use();
    return;
  }
  restoreGet = patch<GetBuiltinModule>(
    process,
    'getBuiltinModule',
    (real) =>
      function getBuiltinModule(this: unknown, request: string): unknown {
        if (typeof request === 'string') fire(request.startsWith('node:') ? request : `node:${request}`);
        return real.call(this, request);
      },
  );
  patches.onRestore(stop);
}
