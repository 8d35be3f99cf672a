// Contract adapter for XMLHttpRequest, in a jsdom or happy-dom test
// environment: the environment's global XMLHttpRequest, read at call time
// (pook's subclass while pook is active).

import { expect } from 'vitest';
import type { ClientAdapter, ClientFailure, ContractRequest, ContractResponse } from '../contract/contract.js';
import { webBody } from './bodies.js';
import { bodyOf } from './normalise.js';

/** How an XHR failed: XMLHttpRequest reports only the event. */
export class XhrFailure extends Error {
  /** `error`, `abort` or `timeout`. */
  readonly event: string;

  constructor(event: string) {
    super(`XMLHttpRequest ${event}`);
    this.event = event;
  }
}

/** Parses `getAllResponseHeaders()` (lower-case names, one `name: value` line each). */
export function parseHeaderLines(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of text.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

/** Sends one request with the global XMLHttpRequest; resolves on load, rejects with an {@link XhrFailure}. */
export function sendXhr({ url, method = 'GET', headers = {}, body, timeout }: ContractRequest): Promise<ContractResponse> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, url);
    xhr.responseType = 'arraybuffer';
    if (timeout !== undefined) xhr.timeout = timeout;
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.onload = () => {
      const bytes = xhr.response === null ? new Uint8Array(0) : new Uint8Array(xhr.response as ArrayBuffer);
      resolve({ status: xhr.status, headers: parseHeaderLines(xhr.getAllResponseHeaders()), setCookie: [], ...bodyOf(bytes) });
    };
    for (const event of ['error', 'abort', 'timeout'] as const) xhr.addEventListener(event, () => reject(new XhrFailure(event)));
    // The environment's own Blob, File and FormData (its globals).
    xhr.send(body === undefined ? null : (webBody(body) as XMLHttpRequestBodyInit));
  });
}

/** The XMLHttpRequest adapter of the contract. */
export function xhrAdapter(name: string): ClientAdapter {
  return {
    name,
    decompresses: true,
    followsRedirects: true,
    opaqueErrors: true,
    hidesSetCookie: true,
    cannotSend: { stream: 'XMLHttpRequest has no streamed uploads' },
    request: sendXhr,
    failure(thrown): ClientFailure {
      // As in a browser: an `error` event, status 0, nothing about the reason.
      expect(thrown).toBeInstanceOf(XhrFailure);
      expect((thrown as XhrFailure).event).toBe('error');
      return { error: undefined, code: undefined, message: '' };
    },
  };
}
