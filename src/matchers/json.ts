import { describe, toJson } from '../core/arguments.js';
import { PookInvalidArgumentError } from '../core/errors/invalid-argument-error.js';
import type { Matcher, MatchResult } from '../core/matcher.js';
import type { PookRequest } from '../core/pook-request.js';
import { showValue } from '../core/show-value.js';
import { deepDiff, formatDifferences } from './deep-diff.js';
import { testRegExp } from './regexp.js';

/**
 * What `json()` accepts: a JSON value, a JSON string (parsed first) or a
 * RegExp over the raw text. Objects are typed `object` so that values of an
 * `interface` type, which have no index signature, are accepted too.
 */
export type JsonExpectation = object | string | number | boolean | null;

const fatal = new TextDecoder('utf-8', { fatal: true });
const hex = (bytes: Uint8Array): string => Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join(' ');

/**
 * Why a body is not JSON, for a mismatch reason: `the body is empty`, `the
 * body is not valid JSON (starts with "name=ada")`, or for bytes that are not
 * UTF-8 text, their size and first bytes in hex (never decoded: no U+FFFD).
 */
export function notJson(request: PookRequest): string {
  const text = request.text;
  if (text.length === 0) return 'the body is empty, not JSON';
  if (text.includes('\uFFFD')) {
    try {
      fatal.decode(request.body);
    } catch {
      const body = request.body!;
      return `the body is not valid JSON (${body.byteLength} bytes, not UTF-8 text; starts with ${hex(body.subarray(0, 8))}${body.byteLength > 8 ? ' …' : ''})`;
    }
  }
  return `the body is not valid JSON (starts with ${JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text)})`;
}

/**
 * Matches a JSON body by deep equality (object key order ignored, array
 * order counts). A string is parsed first; a RegExp is tested against the raw
 * body text.
 *
 * @example
 * ```ts
 * new JsonMatcher({ name: 'ada' }).match(request).pass;
 * ```
 */
export class JsonMatcher implements Matcher {
  readonly name = 'json';
  /** The expected value (parsed), or a RegExp. */
  readonly expected: unknown;

  /** @param value - the expected JSON */
  constructor(value: JsonExpectation) {
    if (value instanceof RegExp) {
      this.expected = value;
    } else if (typeof value === 'string') {
      try {
        this.expected = JSON.parse(value);
      } catch (cause) {
        throw new PookInvalidArgumentError('json', `${describe(value)} is not valid JSON`, { cause });
      }
    } else {
      this.expected = JSON.parse(toJson('json', value));
    }
  }

  /** What this matcher expects, on one line. */
  summary(): string {
    return `json: ${showValue(this.expected, 60)}`;
  }

  /** @param request - the request to check */
  match(request: PookRequest): MatchResult {
    if (this.expected instanceof RegExp) {
      return { pass: testRegExp(this.expected, request.text), expectation: 'json', expected: this.expected, actual: request.text };
    }
    let actual: unknown;
    try {
      actual = request.json;
    } catch {
      return { pass: false, expectation: 'json', expected: this.expected, actual: request.text, reason: notJson(request) };
    }
    const differences = deepDiff(this.expected, actual);
    if (differences.length === 0) return { pass: true, expectation: 'json', expected: this.expected, actual };
    return { pass: false, expectation: 'json', expected: this.expected, actual, reason: formatDifferences(differences), differences };
  }
}
