import { describe } from '../core/arguments.js';
import { PookInvalidArgumentError } from '../core/errors/invalid-argument-error.js';
import type { Difference } from '../core/matcher.js';
import { type RegexFormat, regexFormat, testRegexFormat } from './regex-format.js';
import { testRegExp } from './regexp.js';

// The values of one key of a query or of a form body, as the query and form
// matchers expect them (docs/mocks.md#query-parameters): the rule is written
// once, here.

/**
 * An expected query value: one exact value, every value in order, or a
 * RegExp every value must match. A string of the form `re/…/` is a regex
 * string, read as Python pook reads it (docs/mocks.md).
 */
export type ParamValue = string | number | boolean | readonly string[] | RegExp;

/** One key's expected values, checked and compiled at definition. */
export interface ExpectedValues {
  /** The expected value(s), for reports; a regex string alone is compiled to its RegExp. */
  readonly value: string | readonly string[] | RegExp;
  /** For each expected value, its regex string compiled (a string[] item by item). */
  readonly formats: ReadonlyArray<RegexFormat | undefined>;
}

/**
 * Checks and compiles the expected values of one key.
 * @param argument - the name errors give (`param "page"`)
 * @throws PookInvalidArgumentError on a value of another type, or an empty array
 */
export function expectedValues(argument: string, value: ParamValue): ExpectedValues {
  let expected: string | readonly string[] | RegExp;
  if (value instanceof RegExp || typeof value === 'string') expected = value;
  else if (typeof value === 'number' || typeof value === 'boolean') expected = String(value);
  else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
    // No request has a key with no value: an empty list could never match.
    if (value.length === 0) throw new PookInvalidArgumentError(argument, 'expected at least one value, got an empty array');
    expected = value;
  } else {
    throw new PookInvalidArgumentError(argument, `expected a string, number, boolean, string[] or RegExp, got ${describe(value)}`);
  }
  const formats =
    typeof expected === 'string' ? [regexFormat(argument, expected)] : Array.isArray(expected) ? expected.map((v) => regexFormat(argument, v)) : [];
  return { value: typeof expected === 'string' ? (formats[0]?.regexp ?? expected) : expected, formats };
}

/**
 * Whether a key's actual values (`undefined`: the key is absent) are the
 * expected ones: a string is exactly one equal value, a string[] those values
 * in that order, a RegExp (or regex string) must match every value, and there
 * must be at least one.
 */
export function testValues(expected: ExpectedValues, values: readonly string[] | undefined): boolean {
  if (values === undefined) return false;
  const { value, formats } = expected;
  if (typeof value === 'string') return values.length === 1 && values[0] === value;
  if (value instanceof RegExp) {
    const format = formats[0];
    return values.length > 0 && values.every((v) => (format === undefined ? testRegExp(value, v) : testRegexFormat(format, v)));
  }
  return values.length === value.length && values.every((v, i) => (formats[i] === undefined ? v === value[i] : testRegexFormat(formats[i]!, v)));
}

/** A key's values as a report shows them: one value alone, several as an array. */
export function shownValues(values: readonly string[] | undefined): string | readonly string[] | undefined {
  return values === undefined ? undefined : values.length === 1 ? values[0] : values;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const keyPath = (key: string): string => (IDENTIFIER.test(key) ? `$.${key}` : `$[${JSON.stringify(key)}]`);
const shownExpected = (expected: ExpectedValues): unknown => (expected.value instanceof RegExp ? String(expected.value) : expected.value);

/**
 * Checks and compiles a whole set of keys (an exact query, a form body).
 * @param argument - the name errors give (`query`, `form`)
 * @throws PookInvalidArgumentError when `values` is not a plain object, or on a bad value, naming its key
 */
export function expectedKeys(argument: string, values: Record<string, ParamValue>): ReadonlyMap<string, ExpectedValues> {
  if (typeof values !== 'object' || values === null || Array.isArray(values) || values instanceof RegExp) {
    throw new PookInvalidArgumentError(argument, `expected an object of key → value(s), got ${describe(values)}`);
  }
  const keys = new Map<string, ExpectedValues>();
  for (const [key, value] of Object.entries(values)) keys.set(key, expectedValues(`${argument} "${key}"`, value));
  return keys;
}

/**
 * Every difference between an expected set of keys and the actual one
 * (no key missing, none extra, every value as expected), JSON-path style
 * (`$.page: expected "2", got "3"`, `$.debug: extra key (got "1")`).
 */
export function keyDifferences(expected: ReadonlyMap<string, ExpectedValues>, actual: Readonly<Record<string, readonly string[]>>): Difference[] {
  const differences: Difference[] = [];
  for (const [key, values] of expected) {
    const found = Object.hasOwn(actual, key) ? actual[key] : undefined;
    if (found === undefined) differences.push({ path: keyPath(key), kind: 'missing', expected: shownExpected(values) });
    else if (!testValues(values, found)) differences.push({ path: keyPath(key), kind: 'changed', expected: shownExpected(values), actual: shownValues(found) });
  }
  for (const key of Object.keys(actual)) {
    if (!expected.has(key)) differences.push({ path: keyPath(key), kind: 'extra', actual: shownValues(actual[key]) });
  }
  return differences;
}

/** A key-value text (a query string, a form body) as key → every value, in order; `+` is a space. */
export function parseKeyValues(text: string): Record<string, string[]> {
  // No prototype: `__proto__=1` is a key like any other.
  const out: Record<string, string[]> = Object.create(null);
  for (const [key, value] of new URLSearchParams(text)) {
    const values = out[key];
    if (values === undefined) out[key] = [value];
    else values.push(value);
  }
  return out;
}

/** The expected keys as a report shows them: `{"page":"2","tag":["a","b"]}`. */
export function shownKeys(expected: ReadonlyMap<string, ExpectedValues>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, values] of expected) out[key] = shownExpected(values);
  return out;
}
