import { PookInvalidArgumentError } from './errors/invalid-argument-error.js';

// Argument checks shared by the mock and response definitions: bad input fails
// where it is written (docs/errors.md), with the argument named.

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// What Node (and so every client on node:http, and undici) refuses in a
// header value: anything but tab, visible ASCII, space and Latin-1.
const INVALID_VALUE_CHAR = /[^\t\x20-\x7e\x80-\xff]/;

/** Whether `value` is an HTTP token (RFC 9110): what a header name or a method must be. */
export function isToken(value: string): boolean {
  return TOKEN.test(value);
}

/** Throws unless `name` is a valid HTTP header name (RFC 9110 token). */
export function assertHeaderName(argument: string, name: unknown): asserts name is string {
  if (typeof name !== 'string' || name.length === 0) {
    throw new PookInvalidArgumentError(argument, `header name must be a non-empty string, got ${describe(name)}`);
  }
  if (/[\r\n]/.test(name)) throw new PookInvalidArgumentError(argument, `header name ${JSON.stringify(name)} contains CR or LF`);
  if (!TOKEN.test(name)) throw new PookInvalidArgumentError(argument, `header name ${JSON.stringify(name)} is not a valid HTTP token`);
}

/**
 * Throws unless `value` is a string Node accepts as a header value: tab,
 * visible ASCII, space and Latin-1 only (no CR, LF, NUL or other control
 * character, nothing beyond U+00FF). A value Node refuses could never be
 * sent by a client nor received from a server.
 */
export function assertHeaderValue(argument: string, value: unknown): asserts value is string {
  if (typeof value !== 'string') {
    throw new PookInvalidArgumentError(argument, `header value must be a string, got ${describe(value)}`);
  }
  if (/[\r\n\0]/.test(value)) throw new PookInvalidArgumentError(argument, `header value ${JSON.stringify(value)} contains CR, LF or NUL`);
  const bad = INVALID_VALUE_CHAR.exec(value);
  if (bad !== null) {
    const code = bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    throw new PookInvalidArgumentError(
      argument,
      `header value ${JSON.stringify(value)} contains U+${code}, which HTTP does not carry in a header (only tab, space, visible ASCII and Latin-1 characters)`,
    );
  }
}

/** Throws unless `value` is a plain object (not null, not an array). */
export function assertRecord(argument: string, value: unknown): asserts value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new PookInvalidArgumentError(argument, `expected an object, got ${describe(value)}`);
  }
}

/** Throws unless `value` is a non-empty string or a RegExp. */
export function assertStringOrRegExp(argument: string, value: unknown): asserts value is string | RegExp {
  if (value instanceof RegExp) return;
  if (typeof value !== 'string' || value.length === 0) {
    throw new PookInvalidArgumentError(argument, `expected a non-empty string or a RegExp, got ${describe(value)}`);
  }
}

/**
 * Throws unless the list has an item. An expectation given an empty list
 * (`headerPresent()`, `params({})`…) would hold for every request, which is
 * never what was meant, so it fails where it is written, as Python pook's
 * matchers do (docs/mocks.md).
 * @param what - what one item is, for the message (`header name`)
 */
export function assertNotEmpty(argument: string, items: readonly unknown[], what: string): void {
  if (items.length === 0) throw new PookInvalidArgumentError(argument, `expected at least one ${what}, got none`);
}

/** Throws unless `value` is a function. */
export function assertFunction(argument: string, value: unknown): asserts value is (...args: never[]) => unknown {
  if (typeof value !== 'function') throw new PookInvalidArgumentError(argument, `expected a function, got ${describe(value)}`);
}

/** Throws unless `value` is an integer within [min, max]. */
export function assertInteger(argument: string, value: unknown, min: number, max: number = Number.MAX_SAFE_INTEGER): asserts value is number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `from ${min} to ${max}`;
    throw new PookInvalidArgumentError(argument, `expected an integer ${range}, got ${describe(value)}`);
  }
}

/** Serialises `value` as JSON or throws naming the argument. */
export function toJson(argument: string, value: unknown): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (cause) {
    throw new PookInvalidArgumentError(argument, `value is not JSON-serialisable (${(cause as Error).message})`, { cause });
  }
  if (text === undefined) throw new PookInvalidArgumentError(argument, `value is not JSON-serialisable (${describe(value)})`);
  return text;
}

/** A short description of a value for error messages. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  if (typeof value === 'function') return 'a function';
  if (value instanceof RegExp) return String(value);
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return `an object (${value.constructor?.name ?? 'null prototype'})`;
  return `${typeof value} ${String(value)}`;
}

/**
 * A header value as a server receives it: HTTP drops the spaces and tabs
 * around a field value, and so do the Headers every request carries.
 */
export function withoutOuterSpace(value: string): string {
  return value.replace(/^[\t ]+|[\t ]+$/g, '');
}
