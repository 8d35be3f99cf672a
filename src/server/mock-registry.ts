import type { Engine } from '../engine/engine.js';
import type { Mock } from '../engine/mock.js';
import type { MockRecord } from './protocol/messages.js';

/** Where a server's mock came from. */
export type MockSource = 'file' | 'api';

/**
 * The server's mocks by id, in the engine's (FIFO) order: those of the mock
 * files first, in file order, then those created through the admin API, in
 * the order they came. Reloading the files replaces the first part only.
 */
export class MockRegistry {
  readonly #engine: Engine;
  readonly #ids = new WeakMap<Mock, string>();
  readonly #byId = new Map<string, Mock>();
  readonly #sources = new WeakMap<Mock, MockSource>();
  #next = 1;
  #fileMocks: Mock[] = [];

  constructor(engine: Engine) {
    this.#engine = engine;
  }

  /** The id of a mock of this server, if it is one. */
  idOf(mock: Mock): string | undefined {
    return this.#ids.get(mock);
  }

  /** The mock of that id, while it is registered. */
  get(id: string): Mock | undefined {
    const mock = this.#byId.get(id);
    return mock !== undefined && this.#engine.mocks.includes(mock) ? mock : undefined;
  }

  /** Registers mocks created through the admin API, at the end of the queue. */
  add(mocks: readonly Mock[]): void {
    for (const mock of mocks) this.#engine.addMock(this.#track(mock, 'api'));
  }

  /** Unregisters one mock. */
  remove(mock: Mock): boolean {
    this.#byId.delete(this.#ids.get(mock) ?? '');
    return this.#engine.removeMock(mock);
  }

  /** Replaces the mocks of the files, keeping them ahead of the admin API's, which keep their state. */
  replaceFileMocks(mocks: readonly Mock[]): void {
    const own = this.#engine.mocks.filter((mock) => this.#sources.get(mock) !== 'file');
    for (const old of this.#fileMocks) this.#byId.delete(this.#ids.get(old) ?? '');
    this.#fileMocks = mocks.map((mock) => this.#track(mock, 'file'));
    this.#engine.flushMocks();
    for (const mock of [...this.#fileMocks, ...own]) this.#engine.addMock(mock);
  }

  /** Forgets every id (after the engine was reset). */
  clear(): void {
    this.#byId.clear();
    this.#fileMocks = [];
  }

  /** A mock as the admin API lists it. */
  record(mock: Mock): MockRecord {
    return {
      id: this.#ids.get(mock) ?? '',
      label: mock.label,
      definedAt: mock.definedAt,
      source: this.#sources.get(mock) ?? 'api',
      calls: mock.calls,
      times: mock.timesLimit,
      persist: mock.persisted,
      done: mock.isDone(),
      expired: mock.isExpired(),
      expectations: mock.expectations,
    };
  }

  #track(mock: Mock, source: MockSource): Mock {
    const id = String(this.#next++);
    this.#ids.set(mock, id);
    this.#byId.set(id, mock);
    this.#sources.set(mock, source);
    return mock;
  }
}
