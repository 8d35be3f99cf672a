// Contract adapters for node:http and node:https themselves: request(),
// get() and `new http.ClientRequest()`, with any extra request options
// (agent, ca…). The module functions are read at call time, so the patched
// ones are used while pook is active.

import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';
import { expect } from 'vitest';
import type { ClientAdapter, ClientFailure, ContractRequest, ContractResponse } from '../contract/contract.js';
import { type AnyBody, nodeBody } from './bodies.js';
import { bodyOf, fromRecord } from './normalise.js';

/** How the request is started. */
export type NodeHttpEntry = 'request' | 'get' | 'ClientRequest';

/**
 * Functions of node:http or node:https held apart from their module object,
 * as `import { request } from 'node:http'` holds them.
 */
export interface DetachedHttp {
  readonly protocol: 'http' | 'https';
  readonly request: typeof http.request;
  readonly get: typeof http.get;
  readonly ClientRequest?: typeof http.ClientRequest;
}

type HttpSource = typeof http | typeof https | DetachedHttp;

function collect(res: http.IncomingMessage): Promise<ContractResponse> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('error', reject);
    res.on('end', () => resolve({ status: res.statusCode ?? 0, ...fromRecord(res.headers), ...bodyOf(Buffer.concat(chunks)) }));
  });
}

function start(
  module: HttpSource,
  entry: NodeHttpEntry,
  url: string,
  options: https.RequestOptions,
  body: AnyBody | undefined,
  timeout: number | undefined,
): Promise<ContractResponse> {
  return new Promise((resolve, reject) => {
    const onResponse = (res: http.IncomingMessage): void => {
      collect(res).then(resolve, reject);
    };
    let req: http.ClientRequest;
    if (entry === 'get') req = module.get(url, options, onResponse);
    else if (entry === 'request') req = module.request(url, options, onResponse);
    else {
      // ClientRequest takes one options object; node:https has no ClientRequest of its own.
      const target = new URL(url);
      const ClientRequest = ('ClientRequest' in module ? module.ClientRequest : undefined) ?? http.ClientRequest;
      req = new ClientRequest(
        {
          protocol: target.protocol,
          hostname: target.hostname.replace(/^\[|\]$/g, ''),
          port: target.port,
          path: `${target.pathname}${target.search}`,
          ...options,
        },
        onResponse,
      );
    }
    req.on('error', reject);
    // node:http only reports a timeout; ending the request is the caller's part.
    if (timeout !== undefined) req.setTimeout(timeout, () => req.destroy(Object.assign(new Error(`timed out after ${timeout} ms`), { code: 'ETIMEDOUT' })));
    if (entry === 'get') return;
    const data = body === undefined ? undefined : nodeBody(body);
    if (data instanceof Readable) data.pipe(req);
    else req.end(data);
  });
}

/** An adapter for node:http or node:https; `options` are added to every request (agent, ca…). */
export function nodeHttpAdapter(name: string, module: HttpSource, entry: NodeHttpEntry, options: () => https.RequestOptions = () => ({})): ClientAdapter {
  return {
    name,
    protocol: module === https || (module as DetachedHttp).protocol === 'https' ? 'https' : 'http',
    getOnly: entry === 'get',
    cannotSend: {
      blob: 'node:http writes text, bytes and streams only',
      params: 'node:http writes text, bytes and streams only',
      form: 'node:http writes text, bytes and streams only',
    },
    decompresses: false,
    followsRedirects: false,
    request({ url, method = 'GET', headers = {}, body, timeout }: ContractRequest) {
      return start(module, entry, url, { ...options(), method, headers }, body, timeout);
    },
    failure(thrown): ClientFailure {
      // node:http emits 'error' with the error itself.
      expect(thrown).toBeInstanceOf(Error);
      const error = thrown as Error & { code?: unknown };
      return { error, code: error.code, message: error.message };
    },
  };
}
