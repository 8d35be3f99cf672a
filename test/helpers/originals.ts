// Captures the globals pook patches before anything else runs: import this
// module first in a test file (ES modules evaluate in import order).

import dc from 'node:diagnostics_channel';
import http from 'node:http';
import https from 'node:https';
import Module, { createRequire } from 'node:module';

// Node loads its bundled undici, which fills the global dispatcher slots, on
// the first use of a web global.
void globalThis.Headers;
const SLOTS = [Symbol.for('undici.globalDispatcher.1'), Symbol.for('undici.globalDispatcher.2')].filter((slot) => slot in globalThis);

/** The prototype holding the real `dispatch` of Node's bundled undici (DispatcherBase). */
function bundledDispatcherBase(): object {
  let target = Object.getPrototypeOf((globalThis as Record<symbol, unknown>)[SLOTS[SLOTS.length - 1]!]) as object | null;
  while (target !== null && (target as { constructor: { name: string } }).constructor.name !== 'DispatcherBase')
    target = Object.getPrototypeOf(target) as object | null;
  return target!;
}

/**
 * Whether this Node reports every require() on the `module.require`
 * tracing channel (Node 22 and later): then pook learns of undici copies
 * there and never patches `Module._load`.
 */
export const REQUIRE_CHANNEL: boolean = (() => {
  let heard = false;
  const handlers = {
    start() {},
    end: (context: object) => {
      heard ||= (context as { id?: unknown }).id === 'node:os';
    },
    asyncStart() {},
    asyncEnd() {},
    error() {},
  };
  const channel = dc.tracingChannel('module.require');
  channel.subscribe(handlers);
  createRequire(import.meta.url)('node:os');
  channel.unsubscribe(handlers);
  return heard;
})();

/** A patched property as it was before pook was imported. */
export interface Original {
  readonly label: string;
  readonly target: object;
  readonly key: PropertyKey;
  readonly value: unknown;
  readonly descriptor: PropertyDescriptor | undefined;
}

function capture(label: string, target: object, key: PropertyKey): Original {
  return { label, target, key, value: (target as Record<PropertyKey, unknown>)[key], descriptor: Object.getOwnPropertyDescriptor(target, key) };
}

/** Every property pook's built-in interceptors patch. */
export const ORIGINALS: readonly Original[] = [
  capture('globalThis.fetch', globalThis, 'fetch'),
  capture('http.request', http, 'request'),
  capture('http.get', http, 'get'),
  capture('http.ClientRequest', http, 'ClientRequest'),
  capture('http.Agent.prototype.addRequest', http.Agent.prototype, 'addRequest'),
  capture('https.request', https, 'request'),
  capture('https.get', https, 'get'),
  ...(REQUIRE_CHANNEL ? [] : [capture('Module._load', Module, '_load')]),
  capture("bundled undici's DispatcherBase.prototype.dispatch", bundledDispatcherBase(), 'dispatch'),
  ...SLOTS.map((slot) => capture(`globalThis[${String(slot.description)}]`, globalThis, slot)),
];

/** Properties pook must never touch, active or not: `Module._load` where {@link REQUIRE_CHANNEL}. */
export const UNTOUCHED: readonly Original[] = REQUIRE_CHANNEL ? [capture('Module._load', Module, '_load')] : [];
