// The contract adapters of the clients that need no DOM environment, one per
// client, shared by the contract files and the behaviour tests.

import axios from 'axios';
import got, { RequestError } from 'got';
import ky from 'ky';
import nodeFetch, { FetchError } from 'node-fetch';
import superagent from 'superagent';
import { expect } from 'vitest';
import type { ClientAdapter } from '../contract/contract.js';
import { bodyOf, fromHeaders, fromRecord } from './normalise.js';

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
      ...(body !== undefined && { body }),
      ...(timeout !== undefined && { signal: AbortSignal.timeout(timeout) }),
    });
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
    const response = await axios.request<Buffer>({
      url,
      method,
      ...(headers && { headers }),
      ...(body !== undefined && { data: body }),
      ...(timeout !== undefined && { timeout }),
      // The raw text both ways, any status, no proxy from the environment.
      transformRequest: [(data: unknown) => data],
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
  async request({ url, method = 'GET', headers, body, timeout }) {
    const response = await got(url, {
      method: method as 'GET',
      ...(headers && { headers }),
      ...(body !== undefined && { body }),
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
    const response = await nodeFetch(url, {
      method,
      ...(headers && { headers }),
      ...(body !== undefined && { body }),
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
    if (body !== undefined) request.send(body);
    if (timeout !== undefined) request.timeout(timeout);
    const response = await request;
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
      ...(body !== undefined && { body }),
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
