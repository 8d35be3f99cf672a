import type { PookRequest } from '../core/pook-request.js';
import { type IndexWatcher, type Mock, watchMapping } from './mock.js';
import { isPathKey, requestPathKey, requestRouteKey } from './route-key.js';

// How pook matches 10,000 mocks (docs/performance.md): a mock whose method
// and URL host and path are literals can only match a request with that
// method, host and path, so it is filed under that key; a mock with a
// literal method and path but no host (`path()` alone, the mock server's
// usual mock) under a key of the method and path, for any host. Every other
// mock (a RegExp path, no path, any method, a mapper that may change the
// request…) stays in an ordered fallback list. A request tries its host
// key's bucket, its path key's bucket and the fallback list merged by
// registration sequence: the first registered mock that matches still wins,
// exactly as a scan of every mock would decide.
// The key is only a necessary condition; each candidate still runs all its
// matchers, filters and expiry check. An expired mock leaves its list when a
// lookup meets it, and comes back in its place if `times()` or `persist()`
// makes it live again, so used-up one-shot mocks cost nothing later.

interface Entry {
  readonly mock: Mock;
  readonly seq: number;
  /** The bucket key (a host key or a path key), or undefined in the fallback list. */
  key: string | undefined;
  /** Taken out of its list while the mock is expired (see `rearm()`). */
  parked: boolean;
}

const NONE: readonly Entry[] = [];

function insertBySeq(list: Entry[], entry: Entry): void {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle]!.seq < entry.seq) low = middle + 1;
    else high = middle;
  }
  list.splice(low, 0, entry);
}

/**
 * The engine's mocks filed for lookup, in registration order.
 *
 * @example
 * ```ts
 * const index = new MockIndex();
 * index.add(mock, routeKeyOf(mock));
 * index.find(request, (mock) => mock.attempt(request)); // the first that matches
 * ```
 */
export class MockIndex implements IndexWatcher {
  readonly #buckets = new Map<string, Entry[]>();
  /** The buckets of path keys (no host), apart: a request looks them up only when there are some. */
  readonly #pathBuckets = new Map<string, Entry[]>();
  readonly #fallback: Entry[] = [];
  /** Each mock's entries (a mock may be registered more than once), oldest first. */
  readonly #entries = new Map<Mock, Entry[]>();
  #seq = 0;

  /** Files a mock at the end of the order, under `key` (src/engine/route-key.ts) or in the fallback list. */
  add(mock: Mock, key: string | undefined): void {
    const entry: Entry = { mock, seq: this.#seq++, key, parked: false };
    if (key === undefined) this.#fallback.push(entry);
    else {
      const buckets = this.#bucketsOf(key);
      const bucket = buckets.get(key);
      if (bucket === undefined) buckets.set(key, [entry]);
      else bucket.push(entry);
    }
    const entries = this.#entries.get(mock);
    if (entries === undefined) {
      this.#entries.set(mock, [entry]);
      watchMapping(mock, this, true);
    } else entries.push(entry);
  }

  /** Removes the oldest registration of the mock. */
  remove(mock: Mock): void {
    const entries = this.#entries.get(mock);
    const entry = entries?.shift();
    if (entries === undefined || entry === undefined) return;
    if (entries.length === 0) {
      this.#entries.delete(mock);
      watchMapping(mock, this, false);
    }
    if (!entry.parked) this.#detach(entry);
  }

  /** Removes every mock. */
  clear(): void {
    for (const mock of this.#entries.keys()) watchMapping(mock, this, false);
    this.#entries.clear();
    this.#buckets.clear();
    this.#pathBuckets.clear();
    this.#fallback.length = 0;
  }

  /** Moves the mock's entries to the fallback list, keeping their order. */
  demote(mock: Mock): void {
    for (const entry of this.#entries.get(mock) ?? []) {
      if (entry.key === undefined) continue;
      if (entry.parked) {
        entry.key = undefined;
        continue;
      }
      this.#detach(entry);
      entry.key = undefined;
      insertBySeq(this.#fallback, entry);
    }
  }

  /** Puts the mock's parked entries back in their place once it is live again (`times()`, `persist()`). */
  rearm(mock: Mock): void {
    if (mock.isExpired()) return;
    for (const entry of this.#entries.get(mock) ?? []) {
      if (!entry.parked) continue;
      entry.parked = false;
      if (entry.key === undefined) insertBySeq(this.#fallback, entry);
      else {
        const buckets = this.#bucketsOf(entry.key);
        const bucket = buckets.get(entry.key);
        if (bucket === undefined) buckets.set(entry.key, [entry]);
        else insertBySeq(bucket, entry);
      }
    }
  }

  /**
   * The first mock, in registration order, among those filed under the
   * request's host key and path key and those in the fallback list, for
   * which `attempt` returns true.
   */
  find(request: PookRequest, attempt: (mock: Mock) => boolean): Mock | undefined {
    const fallback = this.#fallback;
    const bucket = this.#buckets.get(requestRouteKey(request)) ?? NONE;
    const byPath = this.#pathBuckets.size === 0 ? NONE : (this.#pathBuckets.get(requestPathKey(request)) ?? NONE);
    let i = 0;
    let j = 0;
    let k = 0;
    for (;;) {
      // The entry of the lowest sequence number among the three lists' next ones.
      let entry: Entry | undefined;
      let from = 0;
      if (i < bucket.length) entry = bucket[i]!;
      if (k < byPath.length && (entry === undefined || byPath[k]!.seq < entry.seq)) {
        entry = byPath[k]!;
        from = 1;
      }
      if (j < fallback.length && (entry === undefined || fallback[j]!.seq < entry.seq)) {
        entry = fallback[j]!;
        from = 2;
      }
      if (entry === undefined) return undefined;
      if (entry.mock.isExpired()) {
        // Out of its list (the next entry moves into this slot), until rearm().
        this.#detach(entry);
        entry.parked = true;
        continue;
      }
      if (from === 0) i++;
      else if (from === 1) k++;
      else j++;
      if (attempt(entry.mock)) return entry.mock;
    }
  }

  #bucketsOf(key: string): Map<string, Entry[]> {
    return isPathKey(key) ? this.#pathBuckets : this.#buckets;
  }

  #detach(entry: Entry): void {
    const buckets = entry.key === undefined ? undefined : this.#bucketsOf(entry.key);
    const list = entry.key === undefined ? this.#fallback : buckets!.get(entry.key);
    if (list === undefined) return;
    const at = list.indexOf(entry);
    if (at !== -1) list.splice(at, 1);
    if (entry.key !== undefined && list.length === 0) buckets!.delete(entry.key);
  }
}
