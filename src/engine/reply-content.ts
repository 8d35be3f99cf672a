import { describe } from '../core/arguments.js';
import { isBytes } from '../core/bytes.js';
import { PookInvalidArgumentError } from '../core/errors/invalid-argument-error.js';
import type { BodyInit, PookResponse } from './pook-response.js';

// The one-call forms of `mock.reply()` (docs/responses.md#one-call-replies):
// `reply(status, { json, body, headers, … })`, Python pook's
// `reply(status, **response_options)`, and `reply(status, value, headers)`,
// which picks text, bytes or JSON from the value. Only what they add to
// `reply(status)` lives here; the response definition stays PookResponse's.

/** Response headers: an array value sends one header per element. */
export type ResponseHeaders = Record<string, string | readonly string[]>;

/**
 * A whole response in `reply(status, options)`: at most one body (`json`,
 * `body`, `xml` or `file`), headers and a Content-Type. Each key does what
 * the `PookResponse` method of the same name does.
 *
 * @example
 * ```ts
 * pook.get('https://api.test/users').reply(200, { json: [{ id: 1 }], headers: { 'X-Total': '1' } });
 * ```
 */
export interface ReplyOptions {
  /** Serialised as the JSON body (`application/json` unless a Content-Type is set). */
  readonly json?: unknown;
  /** The body as it is: text, bytes or a stream of chunks. */
  readonly body?: BodyInit;
  /** An XML body (`application/xml` unless a Content-Type is set). */
  readonly xml?: string;
  /** Path of a file whose bytes are the body (read when the mock is defined). */
  readonly file?: string;
  /** Response headers. */
  readonly headers?: ResponseHeaders;
  /** The Content-Type: a media type or an alias (`json`, `text`, `html`, `form`, …). */
  readonly type?: string;
}

/**
 * The body of `reply(status, value, headers)`: a string is sent as text,
 * bytes as they are, and an array, number, boolean or `null` as JSON. A plain
 * object is {@link ReplyOptions}: to send an object as JSON, write
 * `reply(status, { json: object })`.
 */
export type ReplyBody = string | Uint8Array | ArrayBuffer | readonly unknown[] | number | boolean | null;

const BODIES = ['json', 'body', 'xml', 'file'] as const;
const KEYS: ReadonlySet<string> = new Set<string>([...BODIES, 'headers', 'type']);

/**
 * Adds the content of a one-call `reply(status, content, headers)` to the
 * response: headers first (so a Content-Type given there is kept), then the
 * type, then the body.
 * @throws PookInvalidArgumentError on an unknown option key (an object meant as JSON, say so), two bodies, or a bad value
 */
export function applyReplyContent<M>(response: PookResponse<M>, content: ReplyOptions | ReplyBody | undefined, headers: ResponseHeaders | undefined): void {
  if (headers !== undefined) response.headers(headers);
  if (content === undefined) return;
  if (typeof content === 'string' || isBytes(content) || content instanceof ArrayBuffer) {
    response.body(content);
    return;
  }
  if (content === null || Array.isArray(content) || typeof content === 'number' || typeof content === 'boolean') {
    response.json(content);
    return;
  }
  if (typeof content !== 'object' || Object.getPrototypeOf(content) !== Object.prototype) {
    throw new PookInvalidArgumentError(
      'reply',
      `expected a string, bytes, a JSON array or value, or response options { json, body, xml, file, headers, type }, got ${describe(content)}`,
    );
  }
  applyOptions(response, content as ReplyOptions);
}

function applyOptions<M>(response: PookResponse<M>, options: ReplyOptions): void {
  const unknown = Object.keys(options).filter((key) => !KEYS.has(key));
  if (unknown.length > 0) {
    // The nock habit: `reply(200, { id: 1 })` meant the object as JSON.
    throw new PookInvalidArgumentError(
      'reply',
      `unknown response option${unknown.length === 1 ? '' : 's'} ${unknown.map((key) => JSON.stringify(key)).join(', ')} (known: ${[...KEYS].join(', ')}); to reply with this object as JSON, write reply(status, { json: … })`,
    );
  }
  const bodies = BODIES.filter((key) => options[key] !== undefined);
  if (bodies.length > 1) throw new PookInvalidArgumentError('reply', `give one body, got ${bodies.join(' and ')}`);
  if (options.headers !== undefined) response.headers(options.headers);
  if (options.type !== undefined) response.type(options.type);
  if (options.json !== undefined) response.json(options.json);
  else if (options.body !== undefined) response.body(options.body);
  else if (options.xml !== undefined) response.xml(options.xml);
  else if (options.file !== undefined) response.file(options.file);
}
