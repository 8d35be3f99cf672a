import type { Matcher, MatchResult } from '../core/matcher.js';
import type { PookRequest } from '../core/pook-request.js';
import { showValue } from '../core/show-value.js';
import { type ExpectedValues, expectedKeys, keyDifferences, type ParamValue, parseKeyValues, shownKeys } from './param-values.js';

/**
 * Matches an `application/x-www-form-urlencoded` body against an object:
 * the body, read as a form (`a=1&b=x+y`, `+` is a space), has exactly these
 * keys, no other, each with its values as a query parameter's are read (a
 * string: exactly that one value; a string[]: those values in order; a
 * RegExp or regex string `re/…/`: every value matches). Key order does not
 * count; the Content-Type is not checked (add `type('form')` for that).
 *
 * @example
 * ```ts
 * new FormMatcher({ grant_type: 'client_credentials', scope: /read/ }).match(request).pass;
 * ```
 */
export class FormMatcher implements Matcher {
  readonly name = 'form';
  readonly #expected: ReadonlyMap<string, ExpectedValues>;

  /**
   * @param form - every expected key with its value(s)
   * @throws PookInvalidArgumentError when `form` is not an object, or on a bad value, naming its key
   */
  constructor(form: Record<string, ParamValue>) {
    this.#expected = expectedKeys('form', form);
  }

  /** What this matcher expects, on one line. */
  summary(): string {
    return `form: ${showValue(shownKeys(this.#expected), 60)}`;
  }

  /** @param request - the request to check */
  match(request: PookRequest): MatchResult {
    const text = request.text;
    const differences = keyDifferences(this.#expected, parseKeyValues(text));
    return {
      pass: differences.length === 0,
      expectation: this.name,
      expected: shownKeys(this.#expected),
      actual: text.length > 200 ? `${text.slice(0, 200)}…` : text,
      ...(differences.length === 0 ? {} : { differences }),
    };
  }
}
