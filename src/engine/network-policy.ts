import type net from 'node:net';
import { describe } from '../core/arguments.js';
import { optionalBuiltin } from '../core/builtin.js';
import { effectivePort } from '../core/effective-port.js';
import { PookInvalidArgumentError } from '../core/errors/invalid-argument-error.js';
import type { PookRequest } from '../core/pook-request.js';

/** Decides whether a request may reach the real network: `fn(request) => boolean`. */
export type NetworkFilter = (request: PookRequest) => boolean;

/**
 * Real networking mode: off by default. When on, an unmatched request may
 * reach the network if there are no filters or any filter accepts it.
 * Hosts given to `enable()` become filters on the hostname.
 *
 * @example
 * ```ts
 * const policy = new NetworkPolicy();
 * policy.enable('localhost', /\.internal$/);
 * policy.allows(request);
 * ```
 */
export class NetworkPolicy {
  #enabled = false;
  #filters: NetworkFilter[] = [];
  // What each filter is, for summaries: a host as given, or a function's name.
  #labels: string[] = [];

  /** Whether real networking is on. */
  get enabled(): boolean {
    return this.#enabled;
  }

  /** The active filters, in order. */
  get filters(): readonly NetworkFilter[] {
    return this.#filters;
  }

  /** The filters in words, in order: `"localhost"`, `/\.internal$/`, `isLocal()`, `a function`. */
  get labels(): readonly string[] {
    return this.#labels;
  }

  /**
   * Turns networking on; each host (exact hostname, or RegExp tested against
   * it) is added as a filter.
   */
  enable(...hosts: Array<string | RegExp>): void {
    const filters = hosts.map((host) => hostFilter(host));
    this.#enabled = true;
    this.#filters.push(...filters);
    this.#labels.push(...hosts.map((host) => (host instanceof RegExp ? String(host) : JSON.stringify(host.trim().toLowerCase()))));
  }

  /** Turns networking off; filters are kept. */
  disable(): void {
    this.#enabled = false;
  }

  /** Adds predicates; a request may pass when any filter returns true. */
  use(...filters: NetworkFilter[]): void {
    for (const fn of filters) {
      if (typeof fn !== 'function') throw new PookInvalidArgumentError('useNetworkFilter', `expected a function, got ${describe(fn)}`);
    }
    this.#filters.push(...filters);
    this.#labels.push(...filters.map((fn) => (fn.name === '' ? 'a function' : `${fn.name}()`)));
  }

  /** Removes every filter. */
  flush(): void {
    this.#filters = [];
    this.#labels = [];
  }

  /** Whether an unmatched request may go to the real network. */
  allows(request: PookRequest): boolean {
    if (!this.#enabled) return false;
    if (this.#filters.length === 0) return true;
    return this.#filters.some((filter) => filter(request));
  }
}

/** Whether `text` is an IPv6 address: node:net's answer, else whether a URL accepts it in brackets (a browser). */
function isIPv6(text: string): boolean {
  const nodeNet = optionalBuiltin<typeof net>('node:net');
  if (nodeNet !== undefined) return nodeNet.isIPv6(text);
  return text.includes(':') && URL.canParse(`http://[${text}]/`);
}

function hostFilter(host: string | RegExp): NetworkFilter {
  if (host instanceof RegExp) {
    return (request) => {
      host.lastIndex = 0;
      return host.test(request.url.hostname);
    };
  }
  if (typeof host !== 'string' || host.trim() === '') {
    throw new PookInvalidArgumentError('enableNetwork', `expected a hostname string or a RegExp, got ${describe(host)}`);
  }
  const expected = host.trim().toLowerCase();
  // "name:port" and "[v6]:port" compare hostname and effective port; a bare
  // name, "[v6]" or a bare IPv6 address ("::1") compares the hostname only.
  if (isIPv6(expected)) return (request) => request.url.hostname === `[${expected}]`;
  const withPort = /^(\[[^\]]+\]|[^:[]+):(\d+)$/.exec(expected);
  if (withPort !== null) {
    const [, hostname, port] = withPort;
    return (request) => request.url.hostname === hostname && effectivePort(request.url) === Number(port);
  }
  return (request) => request.url.hostname === expected;
}
