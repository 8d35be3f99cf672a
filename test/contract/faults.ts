// The passthrough fault contract: with networking on, a request pook lets
// through to a server that fails (closes before the head or mid-body,
// resets mid-body, never answers) must fail for the client exactly as it
// does without pook: the same events on the same objects, the same error
// class, code and message, and the same settled value. Each case runs the
// same client against the same loopback fault server twice, without pook
// and through pook, and compares what the client saw.

import type http from 'node:http';
import type https from 'node:https';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import pook from '../../src/index.js';
import { FAULTS, type FaultServer, startFaultServer } from '../helpers/fault-server.js';
import { recordEvents } from '../helpers/record-events.js';
import type { ClientAdapter } from './contract.js';

/** The client's timeout against the stalled server: short, and the only thing that ends the request. */
export const FAULT_TIMEOUT = 300;

/** An error as a client reported it: what a caller can test, its cause included. */
export interface ErrorShape {
  /** The constructor's name (`TypeError`, `AxiosError`, `DOMException`…). */
  readonly class: string | undefined;
  readonly name: unknown;
  readonly code: unknown;
  readonly message: unknown;
  readonly cause?: ErrorShape;
}

/** What one client call showed: how it settled, and the events seen on the way, in order. */
export interface Observation {
  readonly settled: 'resolved' | 'rejected';
  /** Resolved: the status and the body received. */
  readonly status?: number;
  readonly body?: string;
  /** Rejected: the error, as a caller sees it. */
  readonly error?: ErrorShape;
  /** Events, as `object:event`, for the clients whose observer records them. */
  readonly events?: readonly string[];
}

/** One client under the fault contract. */
export interface FaultClient {
  readonly name: string;
  /** Scheme of the fault server (default `http`). */
  readonly protocol?: 'http' | 'https';
  /** Runs one request to `url`, with the client's own `timeout` when given, and reports what the client saw. */
  observe(url: string, timeout: number | undefined): Promise<Observation>;
}

/** The shape of a thrown value, down its `cause` chain (bounded). */
export function errorShape(thrown: unknown, depth = 0): ErrorShape {
  if (thrown === null || typeof thrown !== 'object') return { class: typeof thrown, name: undefined, code: undefined, message: String(thrown) };
  const error = thrown as { name?: unknown; code?: unknown; message?: unknown; cause?: unknown };
  return {
    class: (thrown as object).constructor?.name,
    name: error.name,
    code: error.code,
    message: error.message,
    ...(error.cause !== undefined && depth < 4 && { cause: errorShape(error.cause, depth + 1) }),
  };
}

/** A fault client from a contract adapter: the promise it settles with. */
export function adapterClient(adapter: ClientAdapter): FaultClient {
  return {
    name: adapter.name,
    ...(adapter.protocol !== undefined && { protocol: adapter.protocol }),
    async observe(url, timeout) {
      try {
        const response = await adapter.request({ url, ...(timeout !== undefined && { timeout }) });
        return { settled: 'resolved', status: response.status, body: response.body };
      } catch (error) {
        return { settled: 'rejected', error: errorShape(error) };
      }
    },
  };
}

/** Registers the fault cases for every client: each against the same fault server, without pook and through pook. */
export function describePassthroughFaults(clients: readonly FaultClient[]): void {
  const servers: Partial<Record<'http' | 'https', FaultServer>> = {};
  beforeAll(async () => {
    servers.http = await startFaultServer('http');
    servers.https = await startFaultServer('https');
  });
  afterAll(async () => {
    await Promise.all([servers.http?.close(), servers.https?.close()]);
  });
  beforeEach(() => {
    pook.off();
  });
  afterEach(() => {
    pook.off();
    pook.disableNetwork();
  });

  for (const client of clients) {
    describe(`${client.name}: a real server's failure, let through`, () => {
      for (const fault of FAULTS) {
        it(`${fault}: the client sees what it sees without pook`, async () => {
          const server = servers[client.protocol ?? 'http']!;
          const url = server.url(fault);
          const timeout = fault === 'stall' ? FAULT_TIMEOUT : undefined;
          const before = server.received.length;
          const without = await client.observe(url, timeout);
          pook.activate();
          pook.enableNetwork('127.0.0.1');
          const through = await client.observe(url, timeout);
          // Both requests reached the server, the second let through by pook and recorded once.
          expect(server.received.slice(before)).toEqual([`/${fault}`, `/${fault}`]);
          expect(pook.unmatchedRequests().map((request) => request.url.href)).toEqual([url]);
          expect(without.settled).toBe('rejected');
          expect(through).toEqual(without);
        });
      }
    });
  }
}

/**
 * A node:http or node:https client observed event by event: every event on
 * the ClientRequest and on its IncomingMessage, in order, until both have
 * closed. A timeout destroys the request, as node:http leaves it to do.
 */
export function nodeHttpClient(
  name: string,
  module: typeof http | typeof https,
  entry: 'get' | 'request',
  options: () => https.RequestOptions = () => ({}),
): FaultClient {
  return {
    name,
    protocol: (module as { globalAgent: { protocol?: string } }).globalAgent.protocol === 'https:' ? 'https' : 'http',
    observe(url, timeout) {
      return new Promise((resolve) => {
        const events: string[] = [];
        let response: http.IncomingMessage | undefined;
        let requestClosed = false;
        let responseClosed = false;
        let failure: unknown;
        const settle = (): void => {
          if (!requestClosed || (response !== undefined && !responseClosed)) return;
          resolve(
            failure === undefined
              ? { settled: 'resolved', status: response?.statusCode ?? 0, events }
              : { settled: 'rejected', error: errorShape(failure), events },
          );
        };
        const onResponse = (res: http.IncomingMessage): void => {
          response = res;
          recordEvents(res, 'res', events);
          res.on('data', () => {});
          res.on('error', (error) => (failure ??= error));
          res.on('close', () => {
            responseClosed = true;
            settle();
          });
        };
        const settings = { ...options(), ...(timeout !== undefined && { timeout }) };
        const req = entry === 'get' ? module.get(url, settings, onResponse) : module.request(url, settings, onResponse);
        recordEvents(req, 'req', events);
        req.on('error', (error) => (failure ??= error));
        req.on('timeout', () => req.destroy());
        // The response may still be closing: its events come after the request's 'close'.
        req.on('close', () => {
          requestClosed = true;
          setImmediate(settle);
        });
        if (entry === 'request') req.end();
      });
    },
  };
}

// XMLHttpRequest's events, on the request and on its upload object.
const XHR_EVENTS = ['readystatechange', 'loadstart', 'progress', 'abort', 'error', 'timeout', 'load', 'loadend'] as const;

/**
 * The XMLHttpRequest of a DOM test environment, observed event by event
 * (`xhr:readystatechange(4)`, `upload:loadstart`…; repeats of one event in a
 * row counted once, as their number follows how the bytes were chunked)
 * until `loadend`. `timeoutByAbort`: the environment's XMLHttpRequest has no
 * `timeout` (happy-dom's ignores it), so the request is ended the way its
 * users end it, with `abort()` from a timer.
 */
export function xhrClient(name: string, { timeoutByAbort = false }: { readonly timeoutByAbort?: boolean } = {}): FaultClient {
  return {
    name,
    observe(url, timeout) {
      return new Promise((resolve) => {
        const events: string[] = [];
        const xhr = new XMLHttpRequest();
        const log = (entry: string): void => {
          if (events[events.length - 1] !== entry) events.push(entry);
        };
        for (const type of XHR_EVENTS) {
          xhr.addEventListener(type, () => log(type === 'readystatechange' ? `xhr:${type}(${xhr.readyState})` : `xhr:${type}`));
          xhr.upload.addEventListener(type, () => log(`upload:${type}`));
        }
        let timer: ReturnType<typeof setTimeout> | undefined;
        xhr.addEventListener('loadend', () => {
          clearTimeout(timer);
          const failed = events.some((entry) => /^xhr:(error|timeout|abort)$/.test(entry));
          resolve({ settled: failed ? 'rejected' : 'resolved', status: xhr.status, events });
        });
        xhr.open('GET', url);
        if (timeout !== undefined && !timeoutByAbort) xhr.timeout = timeout;
        xhr.send();
        if (timeout !== undefined && timeoutByAbort) timer = setTimeout(() => xhr.abort(), timeout);
      });
    },
  };
}
