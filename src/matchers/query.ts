import { describe } from '../core/arguments.js';
import { PookInvalidArgumentError } from '../core/errors/invalid-argument-error.js';
import type { Matcher, MatchResult } from '../core/matcher.js';
import type { PookRequest } from '../core/pook-request.js';
import { showValue } from '../core/show-value.js';
import { type RegexFormat, regexFormat, testRegexFormat } from './regex-format.js';
import { testRegExp } from './regexp.js';

/**
 * An expected query value: one exact value, every value in order, or a
 * RegExp every value must match. A string of the form `re/…/` is a regex
 * string, read as Python pook reads it (docs/mocks.md).
 */
export type ParamValue = string | number | boolean | readonly string[] | RegExp;

function normalise(name: string, value: ParamValue): string | readonly string[] | RegExp {
  if (value instanceof RegExp || typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
    // No request has a parameter with no value: an empty list could never match.
    if (value.length === 0) throw new PookInvalidArgumentError(`param "${name}"`, 'expected at least one value, got an empty array');
    return value;
  }
  throw new PookInvalidArgumentError(`param "${name}"`, `expected a string, number, boolean, string[] or RegExp, got ${describe(value)}`);
}

/**
 * Matches one query parameter. A string expects exactly that one value; a
 * string[] expects those values in that order; a RegExp must match every
 * value (and there must be at least one), and so must a regex string
 * `re/…/` (a value equal to the string as written matches too, as in Python
 * pook); in a string[], each item may be one. Extra request params are
 * ignored.
 *
 * @example
 * ```ts
 * new ParamMatcher('page', '2').match(request).pass;
 * ```
 */
export class ParamMatcher implements Matcher {
  readonly name: string;
  /** The query key. */
  readonly key: string;
  /** The expected value(s); a regex string alone is compiled to its RegExp. */
  readonly value: string | readonly string[] | RegExp;
  /** For each expected value, its regex string compiled (a string[] item by item). */
  readonly #formats: ReadonlyArray<RegexFormat | undefined>;

  /**
   * @param key - query key (case-sensitive; `''` is the key of `?=v`)
   * @param value - expected value(s)
   */
  constructor(key: string, value: ParamValue) {
    if (typeof key !== 'string') throw new PookInvalidArgumentError('param', `name must be a string, got ${describe(key)}`);
    this.key = key;
    const argument = `param "${key}"`;
    const expected = normalise(key, value);
    this.#formats =
      typeof expected === 'string' ? [regexFormat(argument, expected)] : Array.isArray(expected) ? expected.map((v) => regexFormat(argument, v)) : [];
    this.value = typeof expected === 'string' ? (this.#formats[0]?.regexp ?? expected) : expected;
    this.name = `query "${key}"`;
  }

  /** What this matcher expects, on one line. */
  summary(): string {
    return `${this.name}: ${showValue(this.value, 60)}`;
  }

  /** @param request - the request to check */
  match(request: PookRequest): MatchResult {
    const values = request.query[this.key];
    const expected = this.value;
    const formats = this.#formats;
    let pass: boolean;
    if (values === undefined) pass = false;
    else if (typeof expected === 'string') pass = values.length === 1 && values[0] === expected;
    else if (expected instanceof RegExp) {
      const format = formats[0];
      pass = values.length > 0 && values.every((v) => (format === undefined ? testRegExp(expected, v) : testRegexFormat(format, v)));
    } else {
      pass = values.length === expected.length && values.every((v, i) => (formats[i] === undefined ? v === expected[i] : testRegexFormat(formats[i]!, v)));
    }
    const actual = values === undefined ? undefined : values.length === 1 ? values[0] : values;
    return { pass, expectation: this.name, expected, actual, ...(values === undefined ? { reason: 'param is missing' } : {}) };
  }
}

/**
 * Matches when a query key is present, and non-empty unless `allowEmpty`.
 *
 * @example
 * ```ts
 * new ParamExistsMatcher('token').match(request).pass;
 * ```
 */
export class ParamExistsMatcher implements Matcher {
  readonly name: string;
  /** The query key. */
  readonly key: string;
  /** Whether an empty value (`?token=`) counts as present. */
  readonly allowEmpty: boolean;

  /**
   * @param key - query key (`''` is the key of `?=v`)
   * @param allowEmpty - accept `?key=` and `?key`
   */
  constructor(key: string, allowEmpty = false) {
    if (typeof key !== 'string') throw new PookInvalidArgumentError('paramExists', `name must be a string, got ${describe(key)}`);
    this.key = key;
    this.allowEmpty = allowEmpty;
    this.name = `query "${key}" present`;
  }

  /** What this matcher expects, on one line. */
  summary(): string {
    return this.allowEmpty ? this.name : `${this.name} and non-empty`;
  }

  /** @param request - the request to check */
  match(request: PookRequest): MatchResult {
    const values = request.query[this.key];
    const pass = values !== undefined && (this.allowEmpty || values.some((v) => v.length > 0));
    return {
      pass,
      expectation: this.name,
      expected: this.allowEmpty ? 'present' : 'present and non-empty',
      actual: values === undefined ? 'absent' : values.length === 1 ? values[0] : values,
    };
  }
}
