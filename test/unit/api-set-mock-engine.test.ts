import { afterAll, afterEach, describe, expect, it } from 'vitest';
import pook, { FetchInterceptor, HttpInterceptor, type Interceptor, type Outcome, PookRequest, type RequestHandler } from '../../src/index.js';

const originalFetch = globalThis.fetch;

/** A third-party interceptor: it builds requests and asks the engine itself. */
class RecordingInterceptor implements Interceptor {
  readonly name = 'recording';
  readonly events: string[] = [];
  #engine: RequestHandler | undefined;

  activate(engine: RequestHandler): void {
    this.events.push('activate');
    this.#engine = engine;
  }

  disable(): void {
    this.events.push('disable');
    this.#engine = undefined;
  }

  send(url: string): Promise<Outcome> {
    if (this.#engine === undefined) throw new Error('not active');
    return this.#engine.handle(new PookRequest({ method: 'GET', url, client: 'recording' }));
  }
}

afterEach(() => pook.off());
afterAll(() => pook.setMockEngine(() => [new FetchInterceptor(), new HttpInterceptor()]));

describe('setMockEngine()', () => {
  it('replaces the interceptors: the custom one is driven by activate/disable, fetch is left alone', async () => {
    const custom = new RecordingInterceptor();
    pook.setMockEngine(() => [custom]);
    pook.activate();
    expect(globalThis.fetch).toBe(originalFetch);
    expect(pook.engine().interceptors).toEqual([custom]);
    pook.get('api.test/x').reply(204);
    const outcome = await custom.send('http://api.test/x');
    expect(outcome).toMatchObject({ type: 'response', response: { status: 204 } });
    expect(pook.engine().mocks[0]!.matches[0]!.client).toBe('recording');
    const miss = await custom.send('http://api.test/y');
    expect(miss.type).toBe('error');
    expect(pook.unmatchedRequests().map((r) => r.client)).toEqual(['recording']);
    pook.disable();
    expect(custom.events.at(-1)).toBe('disable');
    expect(() => custom.send('http://api.test/x')).toThrow('not active');
  });

  it('swaps the interceptors of an active engine: the new ones activated, the old ones disabled', () => {
    const first = new RecordingInterceptor();
    const second = new RecordingInterceptor();
    pook.setMockEngine(() => [first]);
    pook.activate();
    pook.setMockEngine(() => [second]);
    expect(first.events).toEqual(['activate', 'disable']);
    expect(second.events).toEqual(['activate']);
    expect(pook.engine().interceptors).toEqual([second]);
  });

  it('applies to engines created afterwards, such as use() scopes', () => {
    const created: RecordingInterceptor[] = [];
    pook.setMockEngine(() => {
      const interceptor = new RecordingInterceptor();
      created.push(interceptor);
      return [interceptor];
    });
    const before = created.length;
    {
      using scope = pook.use();
      expect(created.length).toBe(before + 1);
      expect(scope.engine.interceptors).toEqual([created.at(-1)]);
      expect(created.at(-1)!.events).toEqual(['activate']);
    }
    expect(created.at(-1)!.events).toEqual(['activate', 'disable']);
  });

  it('reset() rebuilds the interceptors from the factory, disabling the old ones first', () => {
    const created: RecordingInterceptor[] = [];
    pook.setMockEngine(() => {
      const interceptor = new RecordingInterceptor();
      created.push(interceptor);
      return [interceptor];
    });
    pook.activate();
    const before = created.at(-1)!;
    pook.reset();
    const after = created.at(-1)!;
    expect(after).not.toBe(before);
    expect(before.events.at(-1)).toBe('disable');
    expect(after.events).toEqual(['activate']);
  });

  it('the default interceptors can be restored', () => {
    pook.setMockEngine(() => [new FetchInterceptor(), new HttpInterceptor()]);
    pook.activate();
    expect(pook.engine().interceptors.map((i) => i.name)).toEqual(['fetch', 'http']);
    expect(globalThis.fetch).not.toBe(originalFetch);
  });

  it('rejects something that is not a factory', () => {
    expect(() => pook.setMockEngine({} as never)).toThrow(pook.PookInvalidArgumentError);
  });

  it('engine.addInterceptor rejects an object that is not an interceptor', () => {
    expect(() => pook.engine().addInterceptor({ name: 'x' } as Interceptor)).toThrow(pook.PookInvalidArgumentError);
  });

  it('engine.addInterceptor / removeInterceptor / flushInterceptors', () => {
    pook.setMockEngine(() => []);
    const custom = new RecordingInterceptor();
    pook.activate();
    pook.engine().addInterceptor(custom);
    expect(custom.events).toEqual(['activate']);
    expect(pook.engine().removeInterceptor('recording')).toBe(true);
    expect(pook.engine().removeInterceptor('recording')).toBe(false);
    expect(custom.events).toEqual(['activate', 'disable']);
    const other = new RecordingInterceptor();
    pook.engine().addInterceptor(other);
    pook.engine().flushInterceptors();
    expect(other.events).toEqual(['activate', 'disable']);
    expect(pook.engine().interceptors).toEqual([]);
  });
});
