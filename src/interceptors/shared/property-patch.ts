// Every patch returns its own restore function (docs/architecture.md). Patches of one
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
  // An own writable data property (fetch, http.request, a prototype method)
  // is assigned: its attributes stay exactly as they were, and assignment
  // costs a fraction of defineProperty, which activate() and disable() would
  // otherwise pay for every patch. A writable but non-configurable property
  // (undici's global dispatcher slots) can only be assigned anyway.
  if (like !== undefined && like.writable === true) {
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
 * removes exactly this layer. Builtin modules' ESM named exports are never
 * re-synced (`module.syncBuiltinESMExports()` walks every builtin and cost
 * more than the rest of a test's lifecycle): `import { request } from
 * 'node:http'` keeps the original function, and the http interceptor
 * catches its requests at the agent instead (src/interceptors/http/http-interceptor.ts).
 */
export function patch<T>(target: object, key: PropertyKey, make: (original: T) => T): () => void {
  let byKey = slots.get(target);
  if (byKey === undefined) {
    byKey = new Map();
    slots.set(target, byKey);
  }
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
      const descriptor = current.descriptor;
      if (descriptor === undefined) delete (target as Record<PropertyKey, unknown>)[key];
      else if (descriptor.writable === true) (target as Record<PropertyKey, unknown>)[key] = descriptor.value;
      else Object.defineProperty(target, key, descriptor);
    }
  };
}
