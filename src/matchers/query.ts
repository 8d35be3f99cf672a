import { describe } from '../core/arguments.js';
import { PookInvalidArgumentError } from '../core/errors/invalid-argument-error.js';
import type { Matcher, MatchResult } from '../core/matcher.js';
import type { PookRequest } from '../core/pook-request.js';
import { showValue } from '../core/show-value.js';
import { type ExpectedValues, expectedValues, type ParamValue, shownValues, testValues } from './param-values.js';

export type { ParamValue } from './param-values.js';

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
  readonly #expected: ExpectedValues;

  /**
   * @param key - query key (case-sensitive; `''` is the key of `?=v`)
   * @param value - expected value(s)
   */
  constructor(key: string, value: ParamValue) {
    if (typeof key !== 'string') throw new PookInvalidArgumentError('param', `name must be a string, got ${describe(key)}`);
    this.key = key;
    this.#expected = expectedValues(`param "${key}"`, value);
    this.value = this.#expected.value;
    this.name = `query "${key}"`;
  }

  /** What this matcher expects, on one line. */
  summary(): string {
    return `${this.name}: ${showValue(this.value, 60)}`;
  }

  /** @param request - the request to check */
  match(request: PookRequest): MatchResult {
    const values = request.query[this.key];
    const pass = testValues(this.#expected, values);
    return { pass, expectation: this.name, expected: this.value, actual: shownValues(values), ...(values === undefined ? { reason: 'param is missing' } : {}) };
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
