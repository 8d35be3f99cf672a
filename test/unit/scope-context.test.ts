import { AsyncResource } from 'node:async_hooks';
import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import pook, { type Engine, PookInvalidArgumentError } from '../../src/index.js';

// A scope is bound to the async context it is opened in: `using` binds the
// rest of the block and everything it starts; `use(fn)` binds fn's call.

afterEach(() => pook.off());

/** Runs fn in the async context this module was loaded in: outside every scope. */
const outside = AsyncResource.bind(<T>(fn: () => T): T => fn());

describe('using scope = pook.use()', () => {
  it('binds the rest of the block and what it starts: timers, promises, event handlers', async () => {
    const global = pook.engine();
    const emitter = new EventEmitter();
    const seen: Record<string, unknown> = {};
    {
      using scope = pook.use();
      setTimeout(() => (seen.timer = pook.engine()), 0);
      void Promise.resolve().then(() => (seen.promise = pook.engine()));
      emitter.on('event', () => (seen.handler = pook.engine()));
      setImmediate(() => emitter.emit('event'));
      await new Promise((resolve) => setTimeout(resolve, 5));
      expect(seen).toEqual({ timer: scope.engine, promise: scope.engine, handler: scope.engine });
      expect(pook.engine()).toBe(scope.engine);
      expect(outside(() => pook.engine())).toBe(global);
    }
    expect(pook.engine()).toBe(global);
  });

  it('await using: disposed when the block ends, after the awaits in it', async () => {
    let engine: Engine;
    {
      await using scope = pook.use();
      engine = scope.engine;
      pook.get('http://await-using.test/').reply(204);
      await Promise.resolve();
      expect((await fetch('http://await-using.test/')).status).toBe(204);
      expect(engine.active).toBe(true);
    }
    expect(engine.active).toBe(false);
    expect(pook.engine()).not.toBe(engine);
  });

  it('a context that still holds a disposed scope falls back to the nearest live one', async () => {
    const outer = pook.use();
    try {
      let leaked: (() => unknown) | undefined;
      {
        using _inner = pook.use();
        leaked = AsyncResource.bind(() => pook.engine()); // captures the inner scope's context
      }
      expect(leaked()).toBe(outer.engine);
      outer.dispose();
      expect(leaked()).toBe(pook.engine());
      expect(pook.engine()).not.toBe(outer.engine);
    } finally {
      outer.dispose();
    }
  });
});

describe('use({ global: true })', () => {
  it('stands in for the global engine for code in no scope, while a scope of the context still wins', async () => {
    const global = pook.engine();
    const standIn = outside(() => pook.use({ global: true }));
    try {
      expect(outside(() => pook.engine())).toBe(standIn.engine);
      await pook.use(async (engine) => {
        expect(pook.engine()).toBe(engine);
        expect(outside(() => pook.engine())).toBe(standIn.engine);
      });
      standIn.engine.addMock(new pook.Mock({ url: 'http://stand-in.test/', reply: 207 }));
      expect(await outside(async () => (await fetch('http://stand-in.test/')).status)).toBe(207);
    } finally {
      standIn.dispose();
    }
    expect(outside(() => pook.engine())).toBe(global);
  });

  it('the latest global scope still live wins; disposing one returns to the one before', () => {
    const first = outside(() => pook.use({ global: true }));
    const second = outside(() => pook.use({ global: true }));
    expect(outside(() => pook.engine())).toBe(second.engine);
    second.dispose();
    expect(outside(() => pook.engine())).toBe(first.engine);
    first.dispose();
    expect(outside(() => pook.engine())).not.toBe(first.engine);
  });

  it('rejects a non-boolean option value, naming it', () => {
    const error = (() => {
      try {
        pook.use({ global: 'yes' as unknown as boolean });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(PookInvalidArgumentError);
    expect((error as PookInvalidArgumentError).argument).toBe('global');
  });
});

describe('use(fn)', () => {
  it("binds fn's call only: the caller's context is untouched while fn runs", async () => {
    const global = pook.engine();
    let resume!: () => void;
    const paused = new Promise<void>((resolve) => (resume = resolve));
    const running = pook.use(async (engine) => {
      await paused;
      return pook.engine() === engine;
    });
    expect(pook.engine()).toBe(global);
    resume();
    expect(await running).toBe(true);
    expect(pook.engine()).toBe(global);
  });
});
