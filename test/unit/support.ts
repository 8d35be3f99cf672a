import { expect } from 'vitest';
import { type MatchResult, PookInvalidArgumentError, PookRequest, type PookRequestInit } from '../../src/index.js';

/** A request built directly, as interceptors build them. */
export function request(init: Partial<PookRequestInit> & { url: string }): PookRequest {
  return new PookRequest({ method: 'GET', ...init });
}

/** Any matcher's result, normalised to a MatchResult. */
export function result(value: MatchResult | boolean): MatchResult {
  expect(typeof value).toBe('object');
  return value as MatchResult;
}

/** Runs `fn`, asserts it throws a PookInvalidArgumentError naming `argument`, and returns it. */
export function invalidArgument(fn: () => unknown, argument: string | RegExp): PookInvalidArgumentError {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  expect(thrown, 'expected a PookInvalidArgumentError to be thrown').toBeInstanceOf(PookInvalidArgumentError);
  const error = thrown as PookInvalidArgumentError;
  expect(error.code).toBe('POOK_INVALID_ARGUMENT');
  expect(error.name).toBe('PookInvalidArgumentError');
  expect(error.message).toMatch(/^pook: /);
  if (typeof argument === 'string') {
    expect(error.argument).toBe(argument);
    expect(error.message).toContain(argument);
  } else {
    expect(error.argument).toMatch(argument);
  }
  return error;
}
