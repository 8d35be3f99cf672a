// Captures the globals pook patches before anything else runs: import this
// module first in a test file (ES modules evaluate in import order).

import http from 'node:http';
import https from 'node:https';

/** A patched property as it was before pook was imported. */
export interface Original {
  readonly label: string;
  readonly target: object;
  readonly key: string;
  readonly value: unknown;
  readonly descriptor: PropertyDescriptor | undefined;
}

function capture(label: string, target: object, key: string): Original {
  return { label, target, key, value: (target as Record<string, unknown>)[key], descriptor: Object.getOwnPropertyDescriptor(target, key) };
}

/** Every property pook's built-in interceptors patch. */
export const ORIGINALS: readonly Original[] = [
  capture('globalThis.fetch', globalThis, 'fetch'),
  capture('http.request', http, 'request'),
  capture('http.get', http, 'get'),
  capture('http.ClientRequest', http, 'ClientRequest'),
  capture('https.request', https, 'request'),
  capture('https.get', https, 'get'),
];
