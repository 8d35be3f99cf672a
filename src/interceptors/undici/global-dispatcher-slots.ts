import { patch } from '../shared/property-patch.js';

// undici keeps the process-wide dispatcher in global slots shared by every
// copy of it (Node's bundled one and the npm package): '.1' for undici 6 and
// for legacy handlers, '.2' from undici 7 on.
/** The global dispatcher slots, `globalThis[Symbol.for('undici.globalDispatcher.N')]`. */
export const GLOBAL_DISPATCHERS: readonly symbol[] = [Symbol.for('undici.globalDispatcher.1'), Symbol.for('undici.globalDispatcher.2')];

type Listener = (slot: symbol) => void;

const listeners = new Set<Listener>();
/** The accessor standing in each slot that was empty, while someone listens. */
const standIns = new Map<symbol, PropertyDescriptor>();
/** Removes the watch on `Object.defineProperty`, while it is on. */
let unwatch: (() => void) | undefined;

function filled(slot: symbol): void {
  for (const listener of [...listeners]) listener(slot);
}

/**
 * For the rest of the current job, hears undici define a slot: its
 * `setGlobalDispatcher` runs `Object.defineProperty(globalThis, slot, …)`
 * right after reading the empty slot while it loads.
 */
function watchDefinitions(): void {
  if (unwatch !== undefined) return;
  type DefineProperty = typeof Object.defineProperty;
  try {
    unwatch = patch<DefineProperty>(
      Object,
      'defineProperty',
      (real) =>
        function defineProperty<T>(target: T, key: PropertyKey, attributes: PropertyDescriptor & ThisType<unknown>): T {
          const result = real(target, key, attributes);
          if (target === globalThis && typeof key === 'symbol' && standIns.has(key)) {
            standIns.delete(key);
            filled(key);
          }
          return result;
        } as DefineProperty,
    );
  } catch {
    // Frozen intrinsics: nothing can be heard, and undici must still load.
    return;
  }
  queueMicrotask(stopWatching);
}

function stopWatching(): void {
  unwatch?.();
  unwatch = undefined;
}

/** Puts a stand-in accessor in an empty slot: undici's read of it is the moment it loads. */
function standIn(slot: symbol): void {
  const descriptor: PropertyDescriptor = {
    configurable: true,
    enumerable: false,
    get() {
      watchDefinitions();
      return undefined;
    },
    set(value: unknown) {
      // Assigned rather than defined: it becomes the data property undici makes.
      standIns.delete(slot);
      Object.defineProperty(globalThis, slot, { value, writable: true, configurable: true, enumerable: false });
      filled(slot);
    },
  };
  try {
    Object.defineProperty(globalThis, slot, descriptor);
    standIns.set(slot, descriptor);
  } catch {
    // A frozen globalThis: undici keeps its dispatcher elsewhere, which nothing can reach.
  }
}

/** Removes the stand-ins still in place, and the watch. */
function removeStandIns(): void {
  for (const [slot, descriptor] of standIns) {
    if (Object.getOwnPropertyDescriptor(globalThis, slot)?.get === descriptor.get) delete (globalThis as Record<symbol, unknown>)[slot];
  }
  standIns.clear();
  stopWatching();
}

/** Whether a slot holds a dispatcher; a stand-in is never read (a read starts the watch). */
export function slotFilled(slot: symbol): boolean {
  const descriptor = Object.getOwnPropertyDescriptor(globalThis, slot);
  if (descriptor === undefined || (descriptor.get !== undefined && descriptor.get === standIns.get(slot)?.get)) return false;
  const value = (globalThis as Record<symbol, unknown>)[slot];
  return value !== null && typeof value === 'object';
}

/**
 * Calls `listener(slot)` whenever an empty global dispatcher slot gets its
 * dispatcher, until the returned function is called. undici makes the global
 * dispatcher when it loads, and Node loads its bundled undici lazily: on the
 * first `fetch()` (even of a `fetch` captured long before), the first read of
 * `Headers`, `Request` or `Response`, or, from Node 24, an ESM import of
 * node:http. Loading it to fill the slots at activation would cost every
 * test process Node's whole fetch implementation (docs/performance.md).
 *
 * Instead, an empty slot holds an accessor that reads as empty: undici reads
 * the slot to see whether a dispatcher exists, and from that read until the
 * current job ends `Object.defineProperty` is watched, so the dispatcher
 * undici then defines there is handed to `listener` before undici returns,
 * hence before any request can reach it (docs/clients.md, "undici"). A plain
 * assignment to the slot is handed over as well.
 *
 * @example
 * ```ts
 * const stop = watchGlobalDispatchers((slot) => intercept(globalThis[slot]));
 * stop(); // the empty slots are empty again
 * ```
 */
export function watchGlobalDispatchers(listener: Listener): () => void {
  listeners.add(listener);
  for (const slot of GLOBAL_DISPATCHERS) {
    if (!standIns.has(slot) && Object.getOwnPropertyDescriptor(globalThis, slot) === undefined) standIn(slot);
  }
  let stopped = false;
  return () => {
    if (stopped) return;
    stopped = true;
    listeners.delete(listener);
    if (listeners.size === 0) removeStandIns();
  };
}
