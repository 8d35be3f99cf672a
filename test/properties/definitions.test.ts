// Properties of mock definitions, through fetch and node:http: any options
// object, any method, any custom matcher result is accepted or refused with
// a PookInvalidArgumentError where it is written; every request then ends
// in a response or a documented error (docs/errors.md), never a raw
// TypeError, an uncaught exception or a hang.

import fc from 'fast-check';
import { expect, it } from 'vitest';
import pook, { isPookError, type MockOptions, type PookRequest } from '../../src/index.js';
import {
  awkwardText,
  CLIENTS,
  defines,
  expectPookFailure,
  expectResponse,
  type Outcome,
  PROPERTY_TIMEOUT_MS,
  send,
  settings,
  usePookPerCase,
} from './support.js';

usePookPerCase();

const token = fc.stringMatching(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,8}$/);
const someText = fc.oneof(awkwardText({ maxLength: 12 }), fc.string({ maxLength: 12 }), fc.constantFrom('re/a/', 're/[/', 'json', ''));
const regexp = fc.constantFrom(/a/, /^\/x$/, /./g, /json/i, /(?:)/y);
/** Whatever a user might pass by mistake. */
const junk = fc.anything({ maxDepth: 2 });
const loose = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<unknown> => fc.oneof({ weight: 4, arbitrary }, { weight: 1, arbitrary: junk });
const record = <T>(value: fc.Arbitrary<T>): fc.Arbitrary<Record<string, T>> => fc.dictionary(fc.oneof(token, someText), value, { maxKeys: 3 });
const oneOrMany = <T>(value: fc.Arbitrary<T>): fc.Arbitrary<T | T[]> => fc.oneof(value, fc.array(value, { maxLength: 3 }));
/** What a custom matcher may return: booleans, results, partial results, anything. */
const matcherResult = fc.oneof(
  fc.boolean(),
  fc.record({ pass: fc.boolean(), expectation: fc.option(someText, { nil: undefined }) }, { requiredKeys: ['pass'] }),
  fc.record({ pass: junk, expectation: junk, expected: junk, actual: junk, reason: junk, differences: junk }, { requiredKeys: [] }),
  junk,
);
// Functions return a generated value whatever they are given: fc.func would
// hash its arguments, and a request carries its timestamp.
const customMatcher = fc.oneof(
  matcherResult.map((result) => () => result),
  matcherResult.map((result) => ({ match: () => result })),
  fc.constant(() => {
    throw Object.create(null);
  }),
  fc.constant(async () => true),
  junk,
);
/** Status codes, with the edges (1xx, no-body ones) often. */
const status = fc.oneof(fc.integer({ min: 99, max: 600 }), fc.constantFrom(100, 101, 103, 204, 304));
/** What a reply(fn) may return. */
const dynamicReply = fc.oneof(
  fc.record(
    {
      status: loose(status),
      headers: loose(fc.oneof(record(someText), fc.array(fc.oneof(fc.tuple(token, someText), junk), { maxLength: 2 }))),
      body: loose(someText),
      json: junk,
    },
    { requiredKeys: [] },
  ),
  junk,
);

/**
 * An options object: every key pook knows, with values of the right type
 * and wrong ones, plus unknown keys. Delays stay short: a long one is not a
 * hang. No `file` or `responseFile`: they read from the disk.
 */
const shape: Record<string, fc.Arbitrary<unknown>> = {
  url: loose(fc.oneof(someText, fc.webUrl(), regexp, fc.constantFrom('api.test/x', 'http://api.test', 're/api\\.test/'))),
  method: loose(fc.oneof(token, someText, fc.constantFrom('GET', 'post', '*', 'CONNECT', 'M-SEARCH'))),
  path: loose(fc.oneof(someText, regexp, fc.constantFrom('/x', '//x', 're/^\\/x$/'))),
  headers: loose(record(fc.oneof(someText, regexp))),
  headerPresent: loose(oneOrMany(fc.oneof(token, someText))),
  headerAbsent: loose(oneOrMany(fc.oneof(token, someText))),
  type: loose(someText),
  params: loose(record(fc.oneof(someText, regexp, fc.integer(), fc.boolean(), fc.array(someText, { maxLength: 2 })))),
  paramExists: loose(oneOrMany(someText)),
  body: loose(fc.oneof(someText, regexp, fc.uint8Array({ maxLength: 4 }))),
  json: loose(fc.oneof(fc.jsonValue({ maxDepth: 2 }), someText, regexp)),
  jsonSchema: loose(fc.oneof(fc.constantFrom({ type: 'object' }, { type: 'nope' }, '{"type":"array"}', '{'), fc.object({ maxDepth: 1 }))),
  xml: loose(fc.oneof(someText, regexp, fc.constantFrom('<a/>', '<a>', '<a b="1"><c/></a>'))),
  use: loose(oneOrMany(customMatcher)),
  filter: fc.constantFrom(
    (_request: PookRequest) => true,
    (_request: PookRequest) => false,
  ),
  times: loose(fc.integer({ min: -1, max: 3 })),
  persist: loose(fc.boolean()),
  delay: fc.oneof(fc.integer({ min: -1, max: 3 }), fc.constantFrom('5', Number.NaN, 1.5, null)),
  error: loose(
    fc.oneof(
      someText,
      fc.constantFrom('ECONNREFUSED', 'ECONNRESET'),
      fc.string().map((message) => new Error(message)),
    ),
  ),
  reply: loose(
    fc.oneof(
      status,
      dynamicReply.map((answer) => () => answer),
    ),
  ),
  responseHeaders: loose(record(fc.oneof(someText, fc.array(someText, { maxLength: 2 })))),
  responseType: loose(someText),
  responseBody: loose(fc.oneof(someText, fc.uint8Array({ maxLength: 4 }), fc.array(someText, { maxLength: 2 }))),
  responseJson: junk,
  responseXml: loose(someText),
  tims: junk,
};
/** A few keys at a time: with all of them, one is nearly always wrong. */
const options: fc.Arbitrary<Record<string, unknown>> = fc
  .shuffledSubarray(Object.keys(shape), { minLength: 1, maxLength: 5 })
  .chain((keys) => fc.record(Object.fromEntries(keys.map((key) => [key, shape[key]!]))));

/** Whether `failure` is the error the mock was told to fail with (`error`). */
function isConfiguredError(error: unknown, configured: unknown): boolean {
  if (configured instanceof Error) return error === configured;
  if (typeof configured !== 'string' || !(error instanceof Error)) return false;
  return error.message === configured || (error as { code?: unknown }).code === configured;
}

/** A request outcome pook documents for a mock defined with `definition`. */
function expectDocumented(outcome: Outcome, definition: Record<string, unknown>): void {
  if (outcome.kind === 'response') return;
  if (isConfiguredError(outcome.error, definition.error)) return;
  // No match; or a reply(fn) whose answer is no valid reply, or a stream sent twice: refused when used.
  expectPookFailure(outcome, 'POOK_NO_MATCH', 'POOK_INVALID_ARGUMENT');
}

it(
  'any options object is accepted or refused where it is written; requests then end in a response or a documented error',
  async () => {
    await fc.assert(
      fc.asyncProperty(options, fc.constantFrom('GET', 'POST'), async (definition, method) => {
        pook.reset();
        if (!defines(() => pook.mock(definition as MockOptions))) return;
        for (const client of CLIENTS) {
          const outcome = await send(client, { url: 'http://api.test/x?a=1', method, headers: { 'x-a': '1' }, ...(method === 'POST' && { body: '{"a":1}' }) });
          expectDocumented(outcome, definition);
        }
      }),
      settings(),
    );
  },
  PROPERTY_TIMEOUT_MS,
);

it(
  'a custom matcher returning anything: the request is answered, or fails with a no-match report',
  async () => {
    await fc.assert(
      fc.asyncProperty(customMatcher, async (matcher) => {
        pook.reset();
        if (
          !defines(() =>
            pook
              .get('http://api.test/c')
              .use(matcher as never)
              .persist()
              .reply(200),
          )
        )
          return;
        for (const client of CLIENTS) {
          const outcome = await send(client, { url: 'http://api.test/c' });
          if (outcome.kind === 'failed') {
            expectPookFailure(outcome, 'POOK_NO_MATCH');
            expect(String((outcome.error as Error).message)).toContain('GET http://api.test/c');
          }
        }
        // The report of every expectation renders, whatever the matcher said.
        expect(typeof pook.engine().noMatchError(new pook.PookRequest({ method: 'GET', url: 'http://api.test/c' })).message).toBe('string');
      }),
      settings(),
    );
  },
  PROPERTY_TIMEOUT_MS,
);

it(
  'a method is accepted when it is an HTTP token, and then matches the request using it',
  async () => {
    // fetch refuses CONNECT, TRACE and TRACK itself; node:http sends any token.
    const fetchRefuses = /^(connect|trace|track)$/i;
    await fc.assert(
      fc.asyncProperty(fc.oneof(token, someText, fc.constantFrom('CONNECT', 'M-SEARCH', 'get', 'PROPFIND')), async (method) => {
        pook.reset();
        const accepted = defines(() => pook.mock('http://api.test/m', { method, reply: 200, responseBody: 'matched', persist: true }));
        expect(accepted, JSON.stringify(method)).toBe(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(method));
        if (!accepted || method === '*') return;
        for (const client of CLIENTS) {
          if (client === 'fetch' && fetchRefuses.test(method)) continue;
          // A HEAD answer has no body; CONNECT hands the socket over instead of answering.
          if (/^(head|connect)$/i.test(method)) continue;
          const outcome = await send(client, { url: 'http://api.test/m', method });
          expect(isPookError(outcome.kind === 'failed' ? outcome.error : undefined), `${client} ${method}`).toBe(false);
          expect(expectResponse(outcome).body, `${client} ${method}`).toBe('matched');
        }
      }),
      settings(),
    );
  },
  PROPERTY_TIMEOUT_MS,
);
