// The contract adapters of the clients that need no DOM environment, one per
// client, shared by the contract files and the behaviour tests.

import { Readable } from 'node:stream';
import axios from 'axios';
import got, { RequestError } from 'got';
import ky from 'ky';
import nodeFetch, { FetchError } from 'node-fetch';
import superagent from 'superagent';
import { expect } from 'vitest';
import type { ClientAdapter } from '../contract/contract.js';
import { type AnyBody, nodeBody, webBody } from './bodies.js';
import { bodyOf, fromHeaders, fromRecord } from './normalise.js';

/** Whether the body is a stream: fetch then needs `duplex: 'half'`. */
const isStream = (body: AnyBody | undefined): boolean => typeof body === 'object' && body.kind === 'stream';

/** Node's global fetch (read at call time). */
export const fetchAdapter: ClientAdapter = {
  name: 'fetch',
  decompresses: true,
  followsRedirects: true,
  async request({ url, method = 'GET', headers, body, timeout }) {
    // globalThis.fetch is read at call time: the patched one while pook is active.
    const response = await fetch(url, {
      method,
      ...(headers && { headers }),
      ...(body !== undefined && { body: webBody(body) }),
      ...(isStream(body) && { duplex: 'half' }),
      ...(timeout !== undefined && { signal: AbortSignal.timeout(timeout) }),
    } as RequestInit);
    return { status: response.status, ...fromHeaders(response.headers), ...bodyOf(await response.arrayBuffer()) };
  },
  failure(thrown) {
    expect(thrown).toBeInstanceOf(TypeError);
    expect((thrown as Error).message).toBe('fetch failed');
    const cause = (thrown as Error).cause as Error & { code?: unknown };
    expect(cause).toBeInstanceOf(Error);
    return { error: cause, code: cause.code, message: cause.message };
  },
};

/** axios, raw bytes both ways, any status. */
export const axiosAdapter: ClientAdapter = {
  name: 'axios',
  decompresses: true,
  followsRedirects: true,
  async request({ url, method = 'GET', headers, body, timeout }) {
    const data = typeof body === 'object' ? (body.kind === 'bytes' || body.kind === 'stream' ? nodeBody(body) : webBody(body)) : body;
    const response = await axios.request<Buffer>({
      url,
      method,
      ...(headers && { headers }),
      ...(data !== undefined && { data }),
      ...(timeout !== undefined && { timeout }),
      // The raw text both ways (axios's own serialisation for the other
      // body kinds), any status, no proxy from the environment.
      ...(typeof body !== 'object' && { transformRequest: [(data: unknown) => data] }),
      transformResponse: [(data: unknown) => data],
      responseType: 'arraybuffer',
      validateStatus: () => true,
      proxy: false,
    });
    return { status: response.status, ...fromRecord(response.headers as Record<string, unknown>), ...bodyOf(response.data) };
  },
  failure(thrown) {
    expect(axios.isAxiosError(thrown)).toBe(true);
    const error = thrown as Error & { code?: unknown };
    return { error: error.cause, code: error.code, message: error.message };
  },
};

/** got, no retries (a retry would use up a mock). */
export const gotAdapter: ClientAdapter = {
  name: 'got',
  decompresses: true,
  followsRedirects: true,
  cannotSend: { blob: 'got takes no Blob body', params: 'got sends a form through its `form` option, not a URLSearchParams body' },
  async request({ url, method = 'GET', headers, body, timeout }) {
    const response = await got(url, {
      method: method as 'GET',
      ...(headers && { headers }),
      ...(body !== undefined && { body: typeof body === 'object' && body.kind === 'form' ? (webBody(body) as FormData) : nodeBody(body) }),
      ...(timeout !== undefined && { timeout: { request: timeout } }),
      throwHttpErrors: false,
      responseType: 'buffer',
      // got retries network errors by default: each retry would use up a mock.
      retry: { limit: 0 },
    });
    return { status: response.statusCode, ...fromRecord(response.headers), ...bodyOf(response.body) };
  },
  failure(thrown) {
    expect(thrown).toBeInstanceOf(RequestError);
    const error = thrown as RequestError;
    return { error: error.cause, code: error.code, message: error.message };
  },
};

/** node-fetch 3. */
export const nodeFetchAdapter: ClientAdapter = {
  name: 'node-fetch',
  decompresses: true,
  followsRedirects: true,
  // FetchError copies the code and message of the error it wraps, not the error.
  losesError: true,
  async request({ url, method = 'GET', headers, body, timeout }) {
    // node-fetch takes a Node stream, not a web one.
    const data = body === undefined ? undefined : isStream(body) ? nodeBody(body) : webBody(body);
    const response = await nodeFetch(url, {
      method,
      ...(headers && { headers }),
      ...(data !== undefined && { body: data as never }),
      ...(timeout !== undefined && { signal: AbortSignal.timeout(timeout) }),
    });
    return { status: response.status, ...fromRecord(response.headers.raw()), ...bodyOf(await response.arrayBuffer()) };
  },
  failure(thrown) {
    expect(thrown).toBeInstanceOf(FetchError);
    const error = thrown as FetchError;
    expect(error.type).toBe('system');
    return { error: undefined, code: error.code, message: error.message };
  },
};

/** superagent, raw bytes whatever the content type. */
export const superagentAdapter: ClientAdapter = {
  name: 'superagent',
  decompresses: true,
  followsRedirects: true,
  cannotSend: {
    blob: 'superagent takes no Blob body',
    params: 'superagent takes no URLSearchParams body',
    form: 'superagent builds multipart bodies with .field() and .attach(), not from a FormData',
  },
  async request({ url, method = 'GET', headers = {}, body, timeout }) {
    const request = superagent(method, url)
      .set(headers)
      .ok(() => true)
      .buffer(true)
      // The raw bytes whatever the content type.
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    if (timeout !== undefined) request.timeout(timeout);
    let response: superagent.Response;
    const data = body === undefined ? undefined : nodeBody(body);
    if (data instanceof Readable) {
      // A stream is piped into the request; the response comes as an event.
      response = await new Promise((resolve, reject) => {
        request.on('response', resolve);
        request.on('error', reject);
        data.pipe(request as unknown as NodeJS.WritableStream);
      });
    } else {
      if (data !== undefined) request.send(data);
      response = await request;
    }
    return { status: response.status, ...fromRecord(response.headers as Record<string, unknown>), ...bodyOf(response.body as Buffer) };
  },
  failure(thrown) {
    // superagent rejects with the error node:http emitted.
    expect(thrown).toBeInstanceOf(Error);
    const error = thrown as Error & { code?: unknown };
    return { error, code: error.code, message: error.message };
  },
};

/** ky, no retries and no timer of its own (unless the request has a timeout). */
export const kyAdapter: ClientAdapter = {
  name: 'ky',
  decompresses: true,
  followsRedirects: true,
  async request({ url, method = 'GET', headers, body, timeout }) {
    const response = await ky(url, {
      method,
      ...(headers && { headers }),
      ...(body !== undefined && { body: webBody(body) }),
      // Any status, no retries (each retry would use up a mock), no timer of ky's own unless asked.
      throwHttpErrors: false,
      retry: 0,
      timeout: timeout ?? false,
    });
    return { status: response.status, ...fromHeaders(response.headers), ...bodyOf(await response.arrayBuffer()) };
  },
  failure(thrown) {
    // ky lets fetch's own failure through: TypeError('fetch failed') with the reason as cause.
    expect(thrown).toBeInstanceOf(TypeError);
    const cause = (thrown as Error).cause as Error & { code?: unknown };
    expect(cause).toBeInstanceOf(Error);
    return { error: cause, code: cause.code, message: cause.message };
  },
};
