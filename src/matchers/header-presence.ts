import { assertHeaderName } from '../core/arguments.js';
import type { Matcher, MatchResult } from '../core/matcher.js';
import type { PookRequest } from '../core/pook-request.js';

/**
 * Matches when a header is present (`present = true`) or absent (`false`).
 *
 * @example
 * ```ts
 * new HeaderPresenceMatcher('x-api-key', true).match(request).pass;
 * new HeaderPresenceMatcher('cookie', false).match(request).pass;
 * ```
 */
export class HeaderPresenceMatcher implements Matcher {
  readonly name: string;
  /** Lower-case header name. */
  readonly header: string;
  /** Whether the header must be present (true) or absent (false). */
  readonly present: boolean;

  /**
   * @param name - header name (any case)
   * @param present - true: must exist; false: must not exist
   */
  constructor(name: string, present: boolean) {
    assertHeaderName(present ? 'headerPresent' : 'headerAbsent', name);
    this.header = name.toLowerCase();
    this.present = present;
    this.name = `header "${this.header}" ${present ? 'present' : 'absent'}`;
  }

  /** What this matcher expects, on one line. */
  summary(): string {
    return this.name;
  }

  /** @param request - the request to check */
  match(request: PookRequest): MatchResult {
    const actual = request.headers.get(this.header);
    return {
      pass: (actual !== null) === this.present,
      expectation: this.name,
      expected: this.present ? 'present' : 'absent',
      actual: actual === null ? 'absent' : `present (${JSON.stringify(actual)})`,
    };
  }
}
