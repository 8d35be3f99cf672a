// Contract adapters for the `undici` package: request(), stream() and
// fetch(), with the global dispatcher or with a Dispatcher passed explicitly.

import { Writable } from 'node:stream';
import { Agent, type Dispatcher, errors, FormData, fetch, Pool, request, stream } from 'undici';
import { expect } from 'vitest';
import type { ClientAdapter, ClientFailure, ContractRequest, ContractResponse } from '../contract/contract.js';
import { type AnyBody, nodeBody, webBody } from './bodies.js';
import { bodyOf, fromHeaders, fromRecord } from './normalise.js';

/**
 * The body as undici takes it, with its own FormData (it refuses another
 * copy's, Node's included): web bodies for its fetch; text, bytes, a Blob,
 * a FormData or a Node stream for `request` and `stream`.
 */
function undiciBody(entry: UndiciEntry, body: AnyBody): unknown {
  const web = (): unknown => webBody(body, { FormData: FormData as unknown as typeof globalThis.FormData });
  if (entry === 'fetch') return web();
  return typeof body === 'object' && (body.kind === 'blob' || body.kind === 'form') ? web() : nodeBody(body);
}

/** Which undici API performs the request. */
export type UndiciEntry = 'request' | 'stream' | 'fetch';

/** Which dispatcher it uses: the global one, one Agent, or a Pool per origin. */
export type UndiciDispatcher = 'global' | 'agent' | 'pool';

/** Dispatchers the adapters created, to close after the tests. */
const created: Dispatcher[] = [];

/** Closes every dispatcher an adapter created. */
export async function closeDispatchers(): Promise<void> {
  await Promise.all(created.splice(0).map((dispatcher) => dispatcher.destroy()));
}

function dispatcherFor(kind: UndiciDispatcher, origin: string, pools: Map<string, Pool>, agent: () => Agent): Dispatcher | undefined {
  if (kind === 'global') return undefined;
  if (kind === 'agent') return agent();
  let pool = pools.get(origin);
  if (pool === undefined) {
    pool = new Pool(origin);
    pools.set(origin, pool);
    created.push(pool);
  }
  return pool;
}

function failure(thrown: unknown, entry: UndiciEntry): ClientFailure {
  if (entry === 'fetch') {
    // undici's fetch fails as Node's does: TypeError('fetch failed') with the reason as cause.
    expect(thrown).toBeInstanceOf(TypeError);
    expect((thrown as Error).message).toBe('fetch failed');
    const cause = (thrown as Error).cause as Error & { code?: unknown };
    return { error: cause, code: cause.code, message: cause.message };
  }
  // request() and stream() reject with the error the dispatch failed with.
  expect(thrown).toBeInstanceOf(Error);
  expect(thrown).not.toBeInstanceOf(errors.ResponseError);
  const error = thrown as Error & { code?: unknown };
  return { error, code: error.code, message: error.message };
}

/** An adapter for one undici API through one kind of dispatcher. */
export function undiciAdapter(entry: UndiciEntry, kind: UndiciDispatcher): ClientAdapter {
  const pools = new Map<string, Pool>();
  let agent: Agent | undefined;
  const getAgent = (): Agent => {
    if (agent === undefined) {
      agent = new Agent();
      created.push(agent);
    }
    return agent;
  };
  return {
    name: `undici.${entry}${kind === 'global' ? '' : ` with ${kind === 'agent' ? 'an Agent' : 'a Pool'}`}`,
    decompresses: entry === 'fetch',
    followsRedirects: entry === 'fetch',
    ...(entry !== 'fetch' && { cannotSend: { params: `undici.${entry} takes no URLSearchParams body` } }),
    async request({ url, method = 'GET', headers = {}, body, timeout }: ContractRequest): Promise<ContractResponse> {
      const target = new URL(url);
      const dispatcher = dispatcherFor(kind, target.origin, pools, getAgent);
      const streamed = typeof body === 'object' && body.kind === 'stream';
      // fetch takes a signal; request() and stream() undici's own timeouts.
      const timeouts =
        timeout === undefined ? {} : entry === 'fetch' ? { signal: AbortSignal.timeout(timeout) } : { headersTimeout: timeout, bodyTimeout: timeout };
      const plain = {
        method,
        headers,
        ...(body !== undefined && { body: undiciBody(entry, body) as string }),
        ...(streamed && entry === 'fetch' && { duplex: 'half' as const }),
        ...timeouts,
      };
      const options = { ...plain, ...(dispatcher && { dispatcher }) };
      if (entry === 'fetch') {
        const response = await fetch(url, options as Parameters<typeof fetch>[1]);
        return { status: response.status, ...fromHeaders(response.headers as unknown as Headers), ...bodyOf(await response.arrayBuffer()) };
      }
      if (entry === 'request') {
        const response =
          kind === 'pool'
            ? await dispatcher!.request({ ...plain, path: `${target.pathname}${target.search}`, method: method as Dispatcher.HttpMethod })
            : await request(url, options as unknown as Parameters<typeof request>[1]);
        return { status: response.statusCode, ...fromRecord(response.headers), ...bodyOf(new Uint8Array(await response.body.arrayBuffer())) };
      }
      const chunks: Buffer[] = [];
      const factory = (): Writable =>
        new Writable({
          write(chunk: Buffer, _encoding, callback) {
            chunks.push(chunk);
            callback();
          },
        });
      let head: { status: number; headers: Record<string, unknown> } | undefined;
      await stream(url, options as unknown as Parameters<typeof stream>[1], (data) => {
        head = { status: data.statusCode, headers: data.headers as Record<string, unknown> };
        return factory();
      });
      return { status: head!.status, ...fromRecord(head!.headers), ...bodyOf(Buffer.concat(chunks)) };
    },
    failure: (thrown) => failure(thrown, entry),
  };
}
