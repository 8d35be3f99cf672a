import type { PookRequest } from '../core/pook-request.js';
import type { AssertNoUnmatchedOptions } from '../engine/engine.js';
import type { Mock } from '../engine/mock.js';
import { current } from './current-engine.js';

// What the current engine's mocks and requests came to, and the assertions on it.

/**
 * Number of mocks not done yet.
 * @example `expect(pook.pending()).toBe(0)`
 */
export function pending(): number {
  return current().pendingMocks().length;
}

/**
 * Whether any mock is not done yet.
 * @example `expect(pook.isPending()).toBe(false)`
 */
export function isPending(): boolean {
  return pending() > 0;
}

/**
 * The mocks not done yet.
 * @example `pook.pendingMocks().map((m) => m.label)`
 */
export function pendingMocks(): Mock[] {
  return current().pendingMocks();
}

/**
 * Every request no mock matched, blocked or passed to the network.
 * @example `pook.unmatchedRequests()[0]?.url.href`
 */
export function unmatchedRequests(): PookRequest[] {
  return current().unmatchedRequests();
}

/**
 * Number of unmatched requests.
 * @example `expect(pook.unmatched()).toBe(0)`
 */
export function unmatched(): number {
  return current().unmatchedRequests().length;
}

/**
 * Whether any request went unmatched.
 * @example `expect(pook.isUnmatched()).toBe(false)`
 */
export function isUnmatched(): boolean {
  return unmatched() > 0;
}

/**
 * Whether every registered mock is done.
 * @example `expect(pook.isDone()).toBe(true)`
 */
export function isDone(): boolean {
  return current().isDone();
}

/**
 * Throws a `PookPendingMocksError` when any mock is not done: its message is
 * a table of the pending mocks (method, URL, expectations, calls so far, uses
 * left, where each was defined) and, for each, the unmatched request that
 * came closest to it.
 * @example
 * ```ts
 * afterEach(() => {
 *   pook.assertDone();
 *   pook.assertNoUnmatched();
 * });
 * ```
 */
export function assertDone(): void {
  current().assertDone();
}

/**
 * Throws a `PookUnmatchedRequestsError` when any request went unmatched
 * (blocked, or let through to the real network), listing every one. With
 * `{ passedThrough: false }`, only blocked requests count.
 * @param options - `passedThrough`: whether requests sent to the real network count (default `true`)
 * @example `afterEach(() => pook.assertNoUnmatched())`
 */
export function assertNoUnmatched(options?: AssertNoUnmatchedOptions): void {
  current().assertNoUnmatched(options);
}
