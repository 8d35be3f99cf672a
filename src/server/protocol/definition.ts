// The JSON form of a mock definition: the options object of
// `pook.mock(url, options)` (docs/mocks.md), with the two kinds of value JSON
// cannot carry written as tagged objects: a RegExp as `{ "regex": "…",
// "flags": "i" }` and bytes as `{ "base64": "…" }` (docs/server.md, "Mock
// files"). Mock files, the admin API and `pook/remote` all use it. This file
// imports nothing of pook, so the remote client (which is built on the
// public surface only) can share it with the server.

/** A RegExp as JSON: its source and flags. */
export interface WireRegExp {
  /** `RegExp#source`. */
  readonly regex: string;
  /** `RegExp#flags` (default none). */
  readonly flags?: string;
}

/** Bytes as JSON. */
export interface WireBytes {
  /** The bytes, base64-encoded. */
  readonly base64: string;
}

/** Where a definition came from, shown by reports as the mock's definition site. */
export interface WireLocation {
  /** The file the mock was written in: a path, as the defining process saw it. */
  readonly file: string;
  /** Its line, from 1. */
  readonly line: number;
  /** Its column, from 1. */
  readonly column: number;
}

/** The keys whose value may be a RegExp, where a tagged `{ regex }` object is read as one. */
const REGEX_KEYS = ['url', 'path', 'body', 'xml'] as const;
/** The keys whose value may be bytes, where a tagged `{ base64 }` object is read as them. */
const BYTES_KEYS = ['body', 'responseBody'] as const;
/** The keys whose value is a record of values that may be RegExps. */
const REGEX_RECORD_KEYS = ['headers', 'params', 'query', 'form'] as const;

function isTagged(value: unknown, tag: string): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.hasOwn(value, tag)) return false;
  const keys = Object.keys(value);
  return keys.every((key) => key === tag || (tag === 'regex' && key === 'flags'));
}

/**
 * Reads the tagged values of a JSON definition back: `{ regex }` objects
 * become RegExps, `{ base64 }` objects bytes, where the options accept them.
 * Everything else is passed on as it is, for the mock to validate.
 * @throws Error (with `argument`) when a tagged RegExp does not compile
 */
export function fromWire(definition: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...definition };
  for (const key of REGEX_KEYS) if (isTagged(out[key], 'regex')) out[key] = toRegExp(key, out[key]);
  for (const key of BYTES_KEYS) if (isTagged(out[key], 'base64')) out[key] = toBytes(key, out[key]);
  for (const key of REGEX_RECORD_KEYS) {
    const record = out[key];
    if (typeof record !== 'object' || record === null || Array.isArray(record)) continue;
    const copy: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(record)) copy[name] = isTagged(value, 'regex') ? toRegExp(`${key} "${name}"`, value) : value;
    out[key] = copy;
  }
  return out;
}

/** A wire-format failure, naming the options key as a mock's own errors do. */
export class WireFormatError extends Error {
  /** The options key. */
  readonly argument: string;
  /** What is wrong with it, as the end of a sentence. */
  readonly problem: string;

  constructor(argument: string, problem: string) {
    super(`pook: invalid argument "${argument}": ${problem}.`);
    this.argument = argument;
    this.problem = problem;
  }
}

function toRegExp(argument: string, tagged: Record<string, unknown>): RegExp {
  const { regex, flags = '' } = tagged;
  if (typeof regex !== 'string' || typeof flags !== 'string') throw new WireFormatError(argument, 'a { "regex", "flags" } object needs string values');
  try {
    return new RegExp(regex, flags);
  } catch (cause) {
    throw new WireFormatError(argument, `the regex ${JSON.stringify(regex)} does not compile (${(cause as Error).message})`);
  }
}

function toBytes(argument: string, tagged: Record<string, unknown>): Uint8Array {
  const { base64 } = tagged;
  if (typeof base64 !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) throw new WireFormatError(argument, 'a { "base64" } object needs a base64 string');
  return new Uint8Array(Buffer.from(base64, 'base64'));
}

/** A value in its JSON form: a RegExp or bytes tagged, anything else as it is. */
export function toWireValue(value: unknown): unknown {
  if (value instanceof RegExp) return value.flags === '' ? { regex: value.source } : { regex: value.source, flags: value.flags };
  if (value instanceof Uint8Array) return { base64: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') };
  return value;
}
