// Shared by the property-based tests (docs/mocks.md, "Property-based tests"):
// the fast-check settings, real clients bounded by a time limit, and the
// shapes a request may end in. Every request goes through pook with real
// networking off, so nothing leaves the process.

import http from 'node:http';
import https from 'node:https';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import pook, { isPookError, PookInvalidArgumentError } from '../../src/index.js';
import type { ClientAdapter, ContractRequest, ContractResponse } from '../contract/contract.js';
import { fetchAdapter } from '../helpers/adapters.js';
import { nodeHttpAdapter } from '../helpers/node-http-client.js';

/** A fixed seed, so CI runs the same cases every time; `POOK_FC_SEED` replays another run. */
const SEED = Number(process.env.POOK_FC_SEED ?? 1205);
/**
 * Runs per property: few by default, so the suite stays fast; raise them
 * with `POOK_FC_RUNS` to search harder (docs/mocks.md).
 */
const RUNS = Number(process.env.POOK_FC_RUNS ?? 40);

/**
 * How long one property may run: enough for the default runs on a busy
 * machine, more for more runs (vitest's own limit would cut a long search,
 * or the shrinking of a hung case, short).
 */
export const PROPERTY_TIMEOUT_MS: number = Math.max(60_000, RUNS * 100);

/**
 * The parameters of every property: the seed and run count above, a
 * property that takes a few runs per case may divide the runs (`share`).
 */
export function settings(share = 1): fc.Parameters<unknown> {
  return { seed: SEED, numRuns: Math.max(1, Math.round(RUNS / share)), endOnFailure: false };
}

/**
 * How long a request to a mock may take before it counts as hung. A mock
 * answers from memory; the bound is there only to turn a hang into a
 * failing case fast-check can shrink.
 */
const HANG_BOUND_MS = 10_000;

/** How a request through pook ended. */
export type Outcome =
  | { readonly kind: 'response'; readonly response: ContractResponse }
  /** The client failed; `error` is what it wraps (pook's error, for a pook failure). */
  | { readonly kind: 'failed'; readonly error: unknown };

/** The clients every property drives: fetch and node:http (node:https for https URLs). */
export const CLIENTS = ['fetch', 'node:http'] as const;
export type ClientName = (typeof CLIENTS)[number];

const httpAdapter = nodeHttpAdapter('node:http', http, 'request');
const httpsAdapter = nodeHttpAdapter('node:https', https, 'request');

function adapterFor(client: ClientName, url: string): ClientAdapter {
  if (client === 'fetch') return fetchAdapter;
  return url.startsWith('https:') ? httpsAdapter : httpAdapter;
}

/**
 * Sends one request with a real client, and says how it ended; fails when
 * it neither answers nor fails within the bound. A client's own failure
 * shape is checked by its contract adapter (fetch: `TypeError('fetch
 * failed')` with a cause; node:http: an `'error'` event).
 */
export async function send(client: ClientName, request: ContractRequest): Promise<Outcome> {
  const adapter = adapterFor(client, request.url);
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${client} ${request.method ?? 'GET'} ${request.url} hung`)), HANG_BOUND_MS);
  });
  try {
    return await Promise.race([
      adapter.request(request).then(
        (response): Outcome => ({ kind: 'response', response }),
        (thrown: unknown): Outcome => ({ kind: 'failed', error: adapter.failure(thrown).error }),
      ),
      hung,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Asserts a failure is one pook documents (docs/errors.md): a PookError with one of `codes`. */
export function expectPookFailure(outcome: Outcome, ...codes: string[]): void {
  expect(outcome.kind, 'the request failed').toBe('failed');
  const { error } = outcome as Extract<Outcome, { kind: 'failed' }>;
  expect(isPookError(error), `a PookError, got ${String(error)}`).toBe(true);
  expect(codes).toContain((error as { code: string }).code);
}

/** Asserts the request was answered, and returns the response. */
export function expectResponse(outcome: Outcome): ContractResponse {
  if (outcome.kind === 'failed') expect.fail(`expected a response, the request failed with ${String(outcome.error)}`);
  return outcome.response;
}

/**
 * Runs a definition: it must be accepted, or refused with a
 * PookInvalidArgumentError. Returns whether it was accepted.
 */
export function defines(define: () => unknown): boolean {
  try {
    define();
    return true;
  } catch (error) {
    if (error instanceof PookInvalidArgumentError) return false;
    throw error;
  }
}

/**
 * Collects uncaught exceptions and unhandled rejections while a property
 * runs: every case ends with none.
 */
export function watchUncaught(): { readonly stop: () => void; readonly expectNone: () => Promise<void> } {
  const seen: unknown[] = [];
  const record = (error: unknown): void => {
    seen.push(error);
  };
  process.on('uncaughtException', record);
  process.on('unhandledRejection', record);
  return {
    stop: () => {
      process.off('uncaughtException', record);
      process.off('unhandledRejection', record);
    },
    async expectNone() {
      // A rejection is reported as unhandled after the microtasks of its turn.
      await new Promise((resolve) => setImmediate(resolve));
      expect(seen.splice(0).map(String)).toEqual([]);
    },
  };
}

/**
 * The hooks of a property file whose cases need nothing but pook: active for
 * the file, reset before each case, and no uncaught error after any.
 */
export function usePookPerCase(): void {
  const uncaught = watchUncaught();
  beforeAll(() => pook.activate());
  beforeEach(() => pook.reset());
  afterEach(() => uncaught.expectNone());
  afterAll(() => {
    uncaught.stop();
    pook.off();
  });
}

/** Characters that have broken URL, header or body handling somewhere: mixed into generated text. */
const AWKWARD = [
  '%',
  '%41',
  '%zz',
  ' ',
  '\t',
  '\n',
  '\r',
  '\0',
  '\x01',
  '\x7f',
  '.',
  '..',
  '/',
  '//',
  '\\',
  ';',
  ':',
  '@',
  '&',
  '=',
  '+',
  '~',
  '{',
  '|',
  '^',
  '`',
  '"',
  "'",
  '<',
  '>',
  '[',
  ']',
  'é',
  'ÿ',
  '\u0100',
  '\u00a0',
  '\u2028',
  '\u3000',
  '\ufeff',
  '\ud800',
  '😀',
  're/',
  '__proto__',
  'constructor',
  'toString',
];

/** Text mixing the awkward characters above with any others. */
export function awkwardText(constraints: { readonly minLength?: number; readonly maxLength?: number; readonly exclude?: RegExp } = {}): fc.Arbitrary<string> {
  const { exclude } = constraints;
  const unit = fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(...AWKWARD) },
    { weight: 3, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  );
  const text = fc.array(unit, { minLength: constraints.minLength ?? 0, maxLength: constraints.maxLength ?? 12 }).map((parts) => parts.join(''));
  return exclude === undefined ? text : text.map((value) => value.replace(new RegExp(exclude.source, 'gu'), ''));
}
