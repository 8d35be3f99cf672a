// Records every hostname resolution. Names other than localhost and IP
// literals are never really resolved: the spy answers ENOTFOUND itself, so a
// test can never send a DNS query off the machine, even when pook is broken.

import dns from 'node:dns';
import net from 'node:net';

/** What {@link spyDns} recorded. */
export interface DnsSpy {
  /** Every hostname looked up, in order (callback and promise APIs). */
  readonly hostnames: readonly string[];
  /** Puts the original `dns.lookup` and `dns.promises.lookup` back exactly. */
  restore(): void;
}

const resolvable = (hostname: string): boolean => hostname === 'localhost' || net.isIP(hostname) !== 0;

function notFound(hostname: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname} (blocked by the test DNS spy)`), { code: 'ENOTFOUND', syscall: 'getaddrinfo', hostname });
}

/** Wraps `dns.lookup` and `dns.promises.lookup` (the properties node:net reads at call time). */
export function spyDns(): DnsSpy {
  const hostnames: string[] = [];
  const lookupDescriptor = Object.getOwnPropertyDescriptor(dns, 'lookup')!;
  const promisesDescriptor = Object.getOwnPropertyDescriptor(dns.promises, 'lookup')!;
  const realLookup = dns.lookup;
  const realPromisesLookup = dns.promises.lookup;

  Object.defineProperty(dns, 'lookup', {
    ...lookupDescriptor,
    value: function lookup(hostname: string, ...rest: unknown[]): void {
      hostnames.push(hostname);
      const callback = rest[rest.length - 1] as (error: Error | null) => void;
      if (!resolvable(hostname)) {
        process.nextTick(callback, notFound(hostname));
        return;
      }
      (realLookup as (...args: unknown[]) => void)(hostname, ...rest);
    },
  });
  Object.defineProperty(dns.promises, 'lookup', {
    ...promisesDescriptor,
    value: async function lookup(hostname: string, ...rest: unknown[]): Promise<unknown> {
      hostnames.push(hostname);
      if (!resolvable(hostname)) throw notFound(hostname);
      return (realPromisesLookup as (...args: unknown[]) => Promise<unknown>)(hostname, ...rest);
    },
  });

  return {
    hostnames,
    restore() {
      Object.defineProperty(dns, 'lookup', lookupDescriptor);
      Object.defineProperty(dns.promises, 'lookup', promisesDescriptor);
    },
  };
}
