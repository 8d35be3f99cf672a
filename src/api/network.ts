import type { NetworkFilter } from '../engine/network-policy.js';
import { current } from './current-engine.js';

// Real networking for the current engine (docs/networking.md).

/**
 * Turns real networking on; each host (hostname string or RegExp on the
 * hostname) restricts it further. Hosts accumulate.
 * @example `pook.enableNetwork('localhost', /\.internal$/)`
 */
export function enableNetwork(...hosts: Array<string | RegExp>): void {
  current().enableNetwork(...hosts);
}

/**
 * Turns real networking off; filters are kept.
 * @example `pook.disableNetwork()`
 */
export function disableNetwork(): void {
  current().disableNetwork();
}

/**
 * Adds network filters: an unmatched request may reach the network when any returns true.
 * @example `pook.useNetworkFilter((req) => req.url.port === '8080')`
 */
export function useNetworkFilter(...filters: NetworkFilter[]): void {
  current().useNetworkFilter(...filters);
}

/**
 * Removes every network filter.
 * @example `pook.flushNetworkFilters()`
 */
export function flushNetworkFilters(): void {
  current().flushNetworkFilters();
}
