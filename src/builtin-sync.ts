import { syncBuiltinESMExports } from 'node:module';

// `syncBuiltinESMExports()` walks the exports of every builtin module, and
// was 62% of an activate → reset → disable cycle when each patched property
// called it (docs/performance.md, "before" profile). A batch defers the
// calls made inside it to a single one when the outermost batch ends, so
// `import { request } from 'node:http'` still sees every patch (and every
// restore) by the time `activate()`, `disable()` or `reset()` returns.

let depth = 0;
let pending = false;

/** Syncs builtin ESM named exports now, or at the end of the running batch. */
export function syncBuiltins(): void {
  if (depth > 0) pending = true;
  else syncBuiltinESMExports();
}

/**
 * Runs `fn` with every {@link syncBuiltins} call in it folded into one at the
 * end (also when `fn` throws). Batches nest.
 */
export function batchBuiltinSync<T>(fn: () => T): T {
  depth++;
  try {
    return fn();
  } finally {
    if (--depth === 0 && pending) {
      pending = false;
      syncBuiltinESMExports();
    }
  }
}
