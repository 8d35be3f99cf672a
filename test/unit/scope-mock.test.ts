// Must stay the first import: it records the globals before pook is loaded.
import '../helpers/originals.js';

import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import pook, { Mock, PookNoMatchesError } from '../../src/index.js';
import { ORIGINALS } from '../helpers/originals.js';

// A mock as a scoped resource, as pook's mock context manager
// (`with pook.get(url) as mock:`): `using mock = pook.get(url)`.

afterEach(() => pook.off());

const pristine = (): boolean => ORIGINALS.every((o) => Reflect.get(o.target, o.key) === o.value);

async function status(url: string): Promise<number | string> {
  try {
    return (await fetch(url)).status;
  } catch (error) {
    return (error as TypeError).cause instanceof PookNoMatchesError ? 'no match' : String(error);
  }
}

describe('using mock = pook.get(url)', () => {
  it('activates pook, persists while in scope, then expires and disables pook again', async () => {
    expect(pook.isActive()).toBe(false);
    let mock: Mock;
    {
      using scoped = pook.get('http://scoped-mock.test/');
      mock = scoped;
      scoped.reply(202);
      expect(pook.isActive()).toBe(true);
      expect([await status('http://scoped-mock.test/'), await status('http://scoped-mock.test/')]).toEqual([202, 202]);
      expect(scoped.persisted).toBe(true);
    }
    expect(pook.isActive()).toBe(false);
    expect(pristine()).toBe(true);
    expect(pook.engine().mocks).not.toContain(mock);
    expect(mock.calls).toBe(2);
    pook.activate();
    expect(await status('http://scoped-mock.test/')).toBe('no match');
  });

  it('after the block the mock says it is disposed: expired, done, not persistent, not pending', async () => {
    pook.activate();
    const before = pook.get('http://pending-before.test/').reply(200).mock;
    let mock: Mock;
    {
      using scoped = pook.get('http://disposed.test/', { reply: 403 });
      mock = scoped;
      expect([scoped.disposed, scoped.isExpired(), scoped.isDone(), scoped.persisted]).toEqual([false, false, false, true]);
      expect(pook.pending()).toBe(2);
      expect(await status('http://disposed.test/')).toBe(403);
      expect([scoped.isExpired(), scoped.isDone()]).toEqual([false, true]);
    }
    expect([mock.disposed, mock.isExpired(), mock.isDone(), mock.persisted]).toEqual([true, true, true, false]);
    expect([mock.calls, mock.matches.length, mock.isMatched()]).toEqual([1, 1, true]);
    expect(pook.pending()).toBe(1);
    expect(pook.pendingMocks()).toEqual([before]);
    expect(inspect(mock)).toContain('1 call, done (disposed)');
    // Added again by hand, it still does not match: its use is over.
    pook.engine().addMock(mock);
    expect(pook.pending()).toBe(1);
    expect(await status('http://disposed.test/')).toBe('no match');
  });

  it('a mock the block never used is done too: nothing more is expected of it', () => {
    let mock: Mock;
    {
      using scoped = pook.get('http://never-called.test/').times(3);
      mock = scoped;
      expect(scoped.isDone()).toBe(false);
    }
    expect([mock.disposed, mock.isExpired(), mock.isDone(), mock.calls, mock.timesLimit]).toEqual([true, true, true, 0, 3]);
    expect(pook.isDone()).toBe(true);
    // times() (or persist()) gives it uses again, as for any expired mock.
    mock.times(1);
    expect([mock.disposed, mock.isExpired(), mock.isDone()]).toEqual([false, false, false]);
  });

  it('leaves pook active when it already was', async () => {
    pook.activate();
    {
      using _mock = pook.get('http://already-active.test/').reply(200).mock;
    }
    expect(pook.isActive()).toBe(true);
    expect(pook.engine().mocks).toEqual([]);
  });

  it('keeps an explicit times(n): only the default times(1) becomes persistent', async () => {
    {
      using limited = pook.get('http://limited.test/').times(2);
      limited.reply(200);
      expect(limited.persisted).toBe(false);
      expect([await status('http://limited.test/'), await status('http://limited.test/'), await status('http://limited.test/')]).toEqual([
        200,
        200,
        'no match',
      ]);
    }
  });

  it('works with await using, and with a mock of a use() scope (whose engine is already active)', async () => {
    await pook.use(async (engine) => {
      {
        await using scoped = pook.get('http://in-scope.test/');
        scoped.reply(201);
        expect(engine.mocks).toContain(scoped);
        expect(await status('http://in-scope.test/')).toBe(201);
      }
      expect(engine.mocks).toEqual([]);
      expect(engine.active).toBe(true);
    });
    expect(pook.isActive()).toBe(false);
  });

  it('a mock created with new Mock() and added to an engine scopes the same way', async () => {
    const engine = pook.engine();
    {
      using mock = engine.addMock(new Mock({ url: 'http://added.test/', reply: 203 }));
      expect(engine.active).toBe(true);
      expect(await status('http://added.test/')).toBe(203);
      expect(mock.isDone()).toBe(true);
    }
    expect(engine.active).toBe(false);
  });
});
