import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { engine as currentEngine, type Engine, type EngineListener, type ObservedExchange, type ObservedResponse, type PookRequest } from '../index.js';
import { harEntry } from './exchange-entry.js';
import type { Har, HarEntry } from './har-format.js';
import { type HarTextOptions, harOf, harText } from './har-json.js';
import { type RedactOptions, redactOwnEntry } from './redaction.js';

type RecordedExchange = ObservedExchange & { readonly response: ObservedResponse };

/** Options of {@link record}. */
export interface RecordOptions extends RedactOptions, HarTextOptions {
  /** The engine whose passthrough traffic is recorded. Default: the current one (`pook.engine()`, a `use()` scope's inside it). */
  readonly engine?: Engine | undefined;
  /** Records only the exchanges this returns true for. */
  readonly filter?: ((request: PookRequest) => boolean) | undefined;
  /** How long `settled()` and `save()` wait for exchanges still in flight, in ms. Default 10,000. */
  readonly settleTimeout?: number | undefined;
}

/**
 * Records the real exchanges of the requests an engine lets through (no mock
 * matched and networking allowed them) as HAR 1.2 entries, in request order.
 * Recording keeps only references to what the tap saw; the HAR entries are
 * made, and their secrets redacted, when they are first read
 * ({@link HarRecorder.entries}, `har()`, `text()`, `save()`), so a recorded
 * request costs little more than a passthrough (docs/record-and-replay.md).
 * Nothing unredacted is ever written or returned.
 * Start it with {@link record}.
 */
export class HarRecorder {
  readonly #engine: Engine;
  readonly #options: RecordOptions;
  // In request order (the order the engine let them through).
  readonly #order = new WeakMap<PookRequest, number>();
  // Exchanges as the tap reported them; each one's entry is made on first read.
  readonly #recorded: Array<{ order: number; exchange: RecordedExchange; entry: HarEntry | undefined }> = [];
  #sorted = true;
  #next = 0;
  #inFlight = 0;
  #idle: Array<() => void> = [];
  #stopped = false;

  readonly #onPassthrough: EngineListener<'passthrough'> = ({ request }) => {
    this.#order.set(request, this.#next++);
    this.#inFlight++;
  };

  readonly #onExchange: EngineListener<'exchange'> = (exchange: ObservedExchange) => {
    const order = this.#order.get(exchange.request);
    if (order === undefined) return;
    this.#order.delete(exchange.request);
    try {
      if (exchange.response !== undefined && (this.#options.filter?.(exchange.request) ?? true)) {
        const last = this.#recorded[this.#recorded.length - 1];
        if (last !== undefined && last.order > order) this.#sorted = false;
        this.#recorded.push({ order, exchange: exchange as RecordedExchange, entry: undefined });
      }
    } finally {
      this.#inFlight--;
      if (this.#inFlight === 0) for (const resolve of this.#idle.splice(0)) resolve();
    }
  };

  /** @param options - see {@link RecordOptions} */
  constructor(options: RecordOptions = {}) {
    this.#options = options;
    this.#engine = options.engine ?? currentEngine();
    this.#engine.on('passthrough', this.#onPassthrough);
    this.#engine.on('exchange', this.#onExchange);
  }

  /** The engine being recorded. */
  get engine(): Engine {
    return this.#engine;
  }

  /** The entries recorded so far (redacted), in request order. */
  get entries(): HarEntry[] {
    if (!this.#sorted) {
      this.#recorded.sort((a, b) => a.order - b.order);
      this.#sorted = true;
    }
    return this.#recorded.map((recorded) => {
      // Made once: later reads give the same (redacted) objects.
      recorded.entry ??= redactOwnEntry(harEntry(recorded.exchange), this.#options);
      return recorded.entry;
    });
  }

  /** Resolves once no recorded exchange is in flight (or after `settleTimeout`). */
  settled(): Promise<void> {
    if (this.#inFlight === 0) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, this.#options.settleTimeout ?? 10_000);
      timer.unref?.();
      this.#idle.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** The recording as a HAR 1.2 document. */
  har(): Har {
    return harOf(this.entries, this.#options);
  }

  /** The recording as deterministic HAR JSON text. */
  text(): string {
    return harText(this.har());
  }

  /** Stops recording (entries are kept). Idempotent. */
  stop(): void {
    if (this.#stopped) return;
    this.#stopped = true;
    this.#engine.off('passthrough', this.#onPassthrough);
    this.#engine.off('exchange', this.#onExchange);
  }

  /**
   * Waits for exchanges in flight, then writes the HAR to `path` (creating
   * its folder). Recording goes on until {@link HarRecorder.stop}.
   */
  async save(path: string): Promise<void> {
    await this.settled();
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, this.text());
  }

  /** Stops recording. */
  [Symbol.dispose](): void {
    this.stop();
  }
}

/**
 * Starts recording the real exchanges of the current engine (or
 * `options.engine`): every request no mock matches that networking lets
 * through. Mocked requests are not recorded.
 *
 * @example
 * ```ts
 * import pook from 'pook';
 * import { record } from 'pook/har';
 * pook.enableNetwork('127.0.0.1');
 * const recorder = record({ zeroTimings: true });
 * await fetch('http://127.0.0.1:8080/users');
 * await recorder.save('fixtures/users.har');
 * recorder.stop();
 * ```
 */
export function record(options: RecordOptions = {}): HarRecorder {
  return new HarRecorder(options);
}
