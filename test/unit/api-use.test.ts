import { afterEach, describe, expect, it } from 'vitest';
import pook, { Engine, PookInvalidArgumentError, type UseOptions } from '../../src/index.js';

const originalFetch = globalThis.fetch;

afterEach(() => {
  pook.off();
  expect(globalThis.fetch).toBe(originalFetch);
});

describe('use()', () => {
  it('returns a scope with a new, active engine that module-level calls act on', () => {
    const outer = pook.engine();
    const scope = pook.use();
    try {
      expect(scope.engine).toBeInstanceOf(Engine);
      expect(scope.engine).not.toBe(outer);
      expect(pook.engine()).toBe(scope.engine);
      expect(pook.isActive()).toBe(true);
      const mock = pook.get('api.test');
      expect(scope.engine.mocks).toEqual([mock]);
      expect(outer.mocks).toEqual([]);
    } finally {
      scope.dispose();
    }
    expect(pook.engine()).toBe(outer);
    expect(scope.engine.active).toBe(false);
  });

  it('works with `using`: disposed at the end of the block', async () => {
    const outer = pook.engine();
    let inner: Engine | undefined;
    {
      using scope = pook.use();
      inner = scope.engine;
      pook.get('scoped.test/x').reply(207);
      expect((await fetch('http://scoped.test/x')).status).toBe(207);
    }
    expect(pook.engine()).toBe(outer);
    expect(inner.active).toBe(false);
    expect(globalThis.fetch).toBe(originalFetch);
  });

  it('works with `await using`', async () => {
    const outer = pook.engine();
    {
      await using scope = pook.use();
      expect(pook.engine()).toBe(scope.engine);
    }
    expect(pook.engine()).toBe(outer);
  });

  it('is Disposable and AsyncDisposable; dispose() is idempotent', async () => {
    const scope = pook.use();
    expect(typeof scope[Symbol.dispose]).toBe('function');
    expect(typeof scope[Symbol.asyncDispose]).toBe('function');
    scope[Symbol.dispose]();
    scope.dispose();
    await scope[Symbol.asyncDispose]();
    expect(pook.engine()).not.toBe(scope.engine);
  });

  it('scopes nest, and the global engine is untouched by a scope', () => {
    const outer = pook.engine();
    pook.get('outer.test');
    {
      using first = pook.use();
      {
        using second = pook.use();
        expect(pook.engine()).toBe(second.engine);
      }
      expect(pook.engine()).toBe(first.engine);
    }
    expect(pook.engine()).toBe(outer);
    expect(outer.mocks).toHaveLength(1);
  });

  it('a scope engine starts with networking off, or on with { network: true }', () => {
    {
      using scope = pook.use();
      expect(scope.engine.networking).toBe(false);
    }
    {
      using scope = pook.use({ network: true });
      expect(scope.engine.networking).toBe(true);
      expect(pook.engine().networking).toBe(true);
    }
    expect(pook.engine().networking).toBe(false);
  });

  it('rejects unknown options', () => {
    const error = (() => {
      try {
        pook.use({ netwrk: true } as unknown as UseOptions);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(PookInvalidArgumentError);
    expect((error as PookInvalidArgumentError).argument).toBe('netwrk');
  });
});

describe('use(fn)', () => {
  it("runs fn(engine) in the scope and returns fn's result", () => {
    const outer = pook.engine();
    const result = pook.use((engine) => {
      expect(pook.engine()).toBe(engine);
      expect(engine.active).toBe(true);
      return 'done';
    });
    expect(result).toBe('done');
    expect(pook.engine()).toBe(outer);
  });

  it('resolves to an async result and restores the previous engine after it settles', async () => {
    const outer = pook.engine();
    const pending = pook.use(async (engine) => {
      pook.get('async.test').reply(209);
      const status = (await fetch('https://async.test/')).status;
      expect(pook.engine()).toBe(engine);
      return status;
    });
    await expect(pending).resolves.toBe(209);
    expect(pook.engine()).toBe(outer);
    expect(globalThis.fetch).toBe(originalFetch);
  });

  it('restores the previous engine when fn throws', () => {
    const outer = pook.engine();
    const error = new Error('inside use');
    expect(() =>
      pook.use(() => {
        throw error;
      }),
    ).toThrow(error);
    expect(pook.engine()).toBe(outer);
    expect(globalThis.fetch).toBe(originalFetch);
  });

  it('restores the previous engine when an async fn rejects', async () => {
    const outer = pook.engine();
    const error = new Error('async inside use');
    await expect(
      pook.use(async () => {
        await Promise.resolve();
        throw error;
      }),
    ).rejects.toBe(error);
    expect(pook.engine()).toBe(outer);
    expect(globalThis.fetch).toBe(originalFetch);
  });

  it('takes options as second argument', () => {
    expect(pook.use((engine) => engine.networking, { network: true })).toBe(true);
  });

  it('an active global engine keeps working after a scope ends', async () => {
    pook.activate();
    pook.get('global.test').reply(200);
    pook.use(() => {
      pook.get('scoped.test').reply(201);
    });
    expect((await fetch('http://global.test/')).status).toBe(200);
  });
});
