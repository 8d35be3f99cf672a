import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { type Engine, type Mock, PookInvalidArgumentError, type PookScope, use } from '../index.js';
import type { HarEntry } from './har-format.js';
import { harOf, harText } from './har-json.js';
import { type LoadHarOptions, loadHar } from './har-mocks.js';
import { type HarRecorder, type RecordOptions, record } from './har-recorder.js';
import { readHar } from './har-source.js';

/**
 * What a cassette does with its file:
 * - `replay`: answers from the file only; a request it does not hold fails
 *   with the usual no-match report (networking stays off);
 * - `record`: every request goes to the real network and the file is
 *   written anew;
 * - `update` (also `missing`): answers from the file what it holds, sends
 *   the rest to the real network, and adds those exchanges to the file;
 * - `passthrough`: neither reads nor writes: real network only.
 */
export type CassetteMode = 'replay' | 'record' | 'update' | 'passthrough';

/** The environment variable that overrides every cassette's mode (e.g. `POOK_RECORD=missing`). */
export const CASSETTE_ENV = 'POOK_RECORD';

const MODES: Readonly<Record<string, CassetteMode>> = {
  replay: 'replay',
  record: 'record',
  all: 'record',
  update: 'update',
  missing: 'update',
  new: 'update',
  passthrough: 'passthrough',
  off: 'passthrough',
};

/** Options of {@link cassette}. */
export interface CassetteOptions extends LoadHarOptions, Omit<RecordOptions, 'engine' | 'filter'> {
  /** The mode, unless the environment variable `POOK_RECORD` sets one. Default `'replay'`. */
  readonly mode?: CassetteMode | 'missing' | undefined;
  /** Also serve code that runs in no async scope (see `use({ global })`). Default `false`. */
  readonly global?: boolean | undefined;
}

/** The mode a cassette runs in: `POOK_RECORD` first, then the option, then `replay`. */
export function cassetteMode(option?: string, env: string | undefined = process.env[CASSETTE_ENV]): CassetteMode {
  const chosen = env !== undefined && env !== '' ? env : option;
  if (chosen === undefined) return 'replay';
  const mode = MODES[chosen.toLowerCase()];
  if (mode === undefined) {
    const where = env !== undefined && env !== '' ? `${CASSETTE_ENV}=${env}` : 'mode';
    throw new PookInvalidArgumentError(where, 'unknown cassette mode (known: replay, record, update or missing, passthrough)');
  }
  return mode;
}

/**
 * A HAR file played back and/or recorded in a `use()` scope of its own:
 * requests made in its async context see only its mocks and its network
 * setting. Open it with {@link cassette}, close it with `eject()` (or
 * `await using`).
 */
export class Cassette implements AsyncDisposable {
  /** The HAR file. */
  readonly path: string;
  /** The mode it runs in. */
  readonly mode: CassetteMode;
  /** The mocks made of the file's entries (replay and update), in file order. */
  readonly mocks: readonly Mock[];
  readonly #scope: PookScope;
  readonly #recorder: HarRecorder | undefined;
  readonly #kept: readonly HarEntry[];
  readonly #options: CassetteOptions;
  #ejected = false;

  /** Use {@link cassette}. */
  constructor(path: string, options: CassetteOptions = {}) {
    if (typeof path !== 'string' || path === '') throw new PookInvalidArgumentError('path', 'expected the path of a HAR file');
    this.path = path;
    this.mode = cassetteMode(options.mode);
    this.#options = options;
    const exists = existsSync(path);
    if (this.mode === 'replay' && !exists) {
      throw new PookInvalidArgumentError('path', `no cassette at ${path}: record it first (${CASSETTE_ENV}=missing, or mode: 'update')`);
    }
    const loaded = (this.mode === 'replay' || this.mode === 'update') && exists ? readHar(path) : undefined;
    this.#kept = this.mode === 'update' ? (loaded?.log.entries ?? []) : [];
    this.#scope = use({ network: this.mode !== 'replay', global: options.global === true });
    this.mocks = loaded === undefined ? [] : this.#scope.run(() => loadHar(loaded, options));
    this.#recorder = this.mode === 'record' || this.mode === 'update' ? record({ ...options, filter: undefined, engine: this.#scope.engine }) : undefined;
  }

  /** The cassette's engine (its scope's). */
  get engine(): Engine {
    return this.#scope.engine;
  }

  /** Runs `fn` in the cassette's scope (for code whose async context began elsewhere). */
  run<R>(fn: () => R): R {
    return this.#scope.run(fn);
  }

  /** Entries of the file that no request used, as pending mocks. */
  pending(): Mock[] {
    return this.mocks.filter((each) => !each.isDone());
  }

  /** Throws the `PookPendingMocksError` of the entries no request used. */
  assertDone(): void {
    if (this.pending().length > 0) this.#scope.engine.assertDone();
  }

  /**
   * Closes the cassette: in `record` and `update` modes waits for the
   * exchanges in flight and writes the file (kept entries first, then the
   * new ones, in request order); then disposes its scope. Idempotent.
   */
  async eject(): Promise<void> {
    if (this.#ejected) return;
    this.#ejected = true;
    try {
      const recorder = this.#recorder;
      if (recorder !== undefined) {
        await recorder.settled();
        recorder.stop();
        const recorded = recorder.entries;
        if (this.mode === 'record' || recorded.length > 0) {
          mkdirSync(dirname(this.path), { recursive: true });
          writeFileSync(this.path, harText(harOf([...this.#kept, ...recorded]), this.#options));
        }
      }
    } finally {
      this.#scope.dispose();
    }
  }

  /** `await using tape = cassette(…)`: ejects it. */
  [Symbol.asyncDispose](): Promise<void> {
    return this.eject();
  }
}

/**
 * Opens a cassette: a HAR file replayed, recorded or both (see
 * {@link CassetteMode}; `POOK_RECORD=record|missing|replay|passthrough`
 * overrides the mode without editing tests) in a scope of its own, entered
 * in the current async context. In a test, the `cassette()` of the runner
 * integrations (`pook/vitest`, `pook/jest`, `pook/node-test`, `pook/mocha`)
 * opens one in a file named after the test (see `cassettePath()`) and
 * checks and ejects it with the test.
 *
 * @example
 * ```ts
 * import { cassette } from 'pook/har';
 * await using tape = cassette('test/fixtures/users.har');
 * const users = await (await fetch('http://127.0.0.1:8080/users')).json();
 * ```
 */
export function cassette(path: string, options: CassetteOptions = {}): Cassette {
  return new Cassette(path, options);
}

/** Options of {@link withCassette}. */
export interface WithCassetteOptions extends CassetteOptions {
  /** In `replay` mode, do not fail when entries of the file were not used. Default `false`. */
  readonly allowUnused?: boolean | undefined;
}

/**
 * Runs `fn` with a cassette open (see {@link cassette}), ejects it (writing
 * the file in `record` and `update` modes), and in `replay` mode fails with
 * a `PookPendingMocksError` when entries of the file were never used,
 * unless `allowUnused`.
 *
 * @example
 * ```ts
 * import { withCassette } from 'pook/har';
 * const users = await withCassette('test/fixtures/users.har', async () => (await fetch('http://127.0.0.1:8080/users')).json());
 * ```
 */
export async function withCassette<R>(path: string, fn: (tape: Cassette) => R | Promise<R>, options: WithCassetteOptions = {}): Promise<R> {
  const { allowUnused, ...rest } = options;
  const tape = new Cassette(path, rest);
  let result: R;
  try {
    result = await tape.run(() => fn(tape));
  } finally {
    await tape.eject();
  }
  if (tape.mode === 'replay' && allowUnused !== true) tape.assertDone();
  return result;
}
