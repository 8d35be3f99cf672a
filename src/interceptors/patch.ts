import { syncBuiltins } from '../builtin-sync.js';

// Every patch returns its own restore function (STYLE). Patches of one
// property stack: each layer sees the true original, and removing any layer,
// in any order, leaves the property at the layer below — or, when the last
// layer goes, puts back the original property descriptor exactly.

interface Slot {
  readonly original: unknown;
  readonly descriptor: PropertyDescriptor | undefined;
  readonly layers: Array<{ readonly value: unknown }>;
}

const slots = new WeakMap<object, Map<PropertyKey, Slot>>();

function define(target: object, key: PropertyKey, value: unknown, like: PropertyDescriptor | undefined): void {
  // A writable but non-configurable property (undici's global dispatcher
  // slots) can only be assigned, never redefined.
  if (like !== undefined && like.configurable === false) {
    (target as Record<PropertyKey, unknown>)[key] = value;
    return;
  }
  Object.defineProperty(target, key, {
    value,
    writable: true,
    configurable: true,
    enumerable: like?.enumerable ?? true,
  });
}

/** The value `target[key]` had before pook patched it (the live value when unpatched). */
export function original<T>(target: object, key: PropertyKey): T {
  const slot = slots.get(target)?.get(key);
  return (slot === undefined ? (target as Record<PropertyKey, unknown>)[key] : slot.original) as T;
}

/**
 * Replaces `target[key]` with `make(original)`; returns the function that
 * removes exactly this layer. Builtin ESM named exports are re-synced (once
 * per engine batch, src/builtin-sync.ts), so `import { request } from
 * 'node:http'` sees the patch too.
 */
export function patch<T>(target: object, key: PropertyKey, make: (original: T) => T): () => void {
  let byKey = slots.get(target);
  if (byKey === undefined) slots.set(target, (byKey = new Map()));
  let slot = byKey.get(key);
  if (slot === undefined) {
    slot = {
      original: (target as Record<PropertyKey, unknown>)[key],
      descriptor: Object.getOwnPropertyDescriptor(target, key),
      layers: [],
    };
    byKey.set(key, slot);
  }
  const current = slot;
  const layer = { value: make(current.original as T) };
  current.layers.push(layer);
  define(target, key, layer.value, current.descriptor);
  syncBuiltins();
  let restored = false;
  return () => {
    if (restored) return;
    restored = true;
    const top = current.layers[current.layers.length - 1];
    current.layers.splice(current.layers.indexOf(layer), 1);
    const below = current.layers[current.layers.length - 1];
    const live = (target as Record<PropertyKey, unknown>)[key];
    if (current.descriptor?.configurable === false && live !== top?.value) {
      // Someone else set the property while it was patched (undici's
      // setGlobalDispatcher): theirs stays.
      if (below === undefined) byKey.delete(key);
    } else if (below !== undefined) {
      define(target, key, below.value, current.descriptor);
    } else {
      byKey.delete(key);
      if (current.descriptor === undefined) delete (target as Record<PropertyKey, unknown>)[key];
      else Object.defineProperty(target, key, current.descriptor);
    }
    syncBuiltins();
  };
}
