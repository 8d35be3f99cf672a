import { POOK_VERSION } from '../core/version.js';
import type { Har, HarEntry } from './har-format.js';

// Deterministic, diff-friendly HAR text: every object's keys in the order of
// the HAR 1.2 specification (other keys after them, sorted), two-space
// indentation, a final newline. The same recording always gives the same bytes.

const ORDER: Record<string, readonly string[]> = {
  root: ['log'],
  log: ['version', 'creator', 'browser', 'pages', 'entries', 'comment'],
  creator: ['name', 'version', 'comment'],
  entry: ['pageref', 'startedDateTime', 'time', 'request', 'response', 'cache', 'timings', 'serverIPAddress', 'connection', 'comment'],
  request: ['method', 'url', 'httpVersion', 'cookies', 'headers', 'queryString', 'postData', 'headersSize', 'bodySize', 'comment'],
  response: ['status', 'statusText', 'httpVersion', 'cookies', 'headers', 'content', 'redirectURL', 'headersSize', 'bodySize', 'comment'],
  cookie: ['name', 'value', 'path', 'domain', 'expires', 'httpOnly', 'secure', 'comment'],
  pair: ['name', 'value', 'comment'],
  postData: ['mimeType', 'params', 'text', 'comment'],
  param: ['name', 'value', 'fileName', 'contentType', 'comment'],
  content: ['size', 'compression', 'mimeType', 'text', 'encoding', 'comment'],
  timings: ['blocked', 'dns', 'connect', 'send', 'wait', 'receive', 'ssl', 'comment'],
  any: [],
};

// Which kind of object each key of a kind holds.
const CHILDREN: Record<string, Record<string, string>> = {
  root: { log: 'log' },
  log: { creator: 'creator', browser: 'creator', entries: 'entry' },
  entry: { request: 'request', response: 'response', timings: 'timings' },
  request: { cookies: 'cookie', headers: 'pair', queryString: 'pair', postData: 'postData' },
  response: { cookies: 'cookie', headers: 'pair', content: 'content' },
  postData: { params: 'param' },
};

function ordered(value: unknown, kind: string): unknown {
  if (Array.isArray(value)) return value.map((item) => ordered(item, kind));
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const known = ORDER[kind] ?? [];
  const keys = [
    ...known.filter((key) => Object.hasOwn(record, key)),
    ...Object.keys(record)
      .filter((key) => !known.includes(key))
      .sort(),
  ];
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    if (record[key] === undefined) continue;
    out[key] = ordered(record[key], CHILDREN[kind]?.[key] ?? 'any');
  }
  return out;
}

const ZERO_DATE = '1970-01-01T00:00:00.000Z';

/** How a HAR is turned into text. */
export interface HarTextOptions {
  /**
   * Writes every `startedDateTime` as the epoch and every time and timing as
   * 0 (-1 stays -1), so that re-recording the same traffic gives the same file.
   */
  readonly zeroTimings?: boolean | undefined;
}

function zeroed(entry: HarEntry): HarEntry {
  const timings = { ...entry.timings };
  for (const key of ['blocked', 'dns', 'connect', 'send', 'wait', 'receive', 'ssl'] as const) {
    const value = timings[key];
    if (typeof value === 'number' && value !== -1) timings[key] = 0;
  }
  return { ...entry, startedDateTime: ZERO_DATE, time: 0, timings };
}

/** A HAR 1.2 document of entries, created by pook. */
export function harOf(entries: readonly HarEntry[], options: HarTextOptions = {}): Har {
  return {
    log: {
      version: '1.2',
      creator: { name: 'pook', version: POOK_VERSION },
      entries: options.zeroTimings ? entries.map(zeroed) : [...entries],
    },
  };
}

/**
 * A HAR as deterministic JSON text: keys in the specification's order, two
 * spaces, a final newline.
 * @example `writeFileSync('api.har', harText(recorder.har()))`
 */
export function harText(har: Har, options: HarTextOptions = {}): string {
  const doc = options.zeroTimings ? { ...har, log: { ...har.log, entries: har.log.entries.map(zeroed) } } : har;
  return `${JSON.stringify(ordered(doc, 'root'), null, 2)}\n`;
}
