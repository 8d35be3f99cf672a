import { isBytes, utf8 } from '../../core/bytes.js';

// What a recording reads of an XMLHttpRequest the environment performed
// itself (a request let through): its headers and its body, already decoded.

/** `getAllResponseHeaders()` as header pairs. */
export function parseHeaderBlock(block: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const line of block.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) pairs.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return pairs;
}

/**
 * The body bytes of a finished XMLHttpRequest, by its `responseType`: text
 * as UTF-8, an ArrayBuffer as it is; `undefined` for a Blob or a Document,
 * which cannot be read synchronously.
 */
export function xhrResponseBytes(responseType: string, response: () => unknown, text: () => string): Uint8Array | undefined {
  if (responseType === '' || responseType === 'text') return utf8(text());
  const value = response();
  if (responseType === 'arraybuffer' && value instanceof ArrayBuffer) return new Uint8Array(value);
  if (isBytes(value)) return value;
  if (responseType === 'json') return utf8(value === null ? '' : JSON.stringify(value));
  return undefined;
}
