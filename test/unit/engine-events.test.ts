import { afterEach, describe, expect, it } from 'vitest';
import pook, { Engine, type EngineEventMap, Mock, PookInvalidArgumentError, PookNoMatchesError, PookRequest } from '../../src/index.js';
import { runTs } from '../helpers/child.js';
import { closeServers, type EchoServer, startServer } from '../helpers/servers.js';

// The engine reports each decision as an event, for tooling: match,
// unmatched, passthrough, error.

let server: EchoServer | undefined;
afterEach(async () => {
  pook.disableNetwork(); // reset() keeps the networking flag
  pook.off();
  await closeServers(server);
  server = undefined;
});

type Seen = Array<[keyof EngineEventMap, EngineEventMap[keyof EngineEventMap]]>;

/** Records every event of the engine, in order. */
function record(engine: Engine): Seen {
  const seen: Seen = [];
  for (const name of ['match', 'unmatched', 'passthrough', 'error'] as const) engine.on(name, (event) => seen.push([name, event]));
  return seen;
}

describe('engine events', () => {
  it('match: the request and the mock that answered', async () => {
    pook.activate();
    const mock = pook.get('api.test/users').reply(200).mock;
    const seen = record(pook.engine());
    expect((await fetch('http://api.test/users')).status).toBe(200);
    expect(seen).toEqual([['match', { request: expect.any(PookRequest), mock }]]);
    const [[, event]] = seen as [[string, EngineEventMap['match']]];
    expect([event.request.method, event.request.url.href, event.request.client]).toEqual(['GET', 'http://api.test/users', 'fetch']);
  });

  it('a mock that fails the request: match, then error with the mock', async () => {
    pook.activate();
    const failure = new Error('connection reset');
    const mock = pook.get('api.test/users').error(failure);
    const seen = record(pook.engine());
    await fetch('http://api.test/users').catch(() => undefined);
    expect(seen.map(([name]) => name)).toEqual(['match', 'error']);
    expect(seen[1]![1]).toEqual({ request: expect.any(PookRequest), error: failure, mock });
  });

  it('a blocked request: unmatched, then error with the PookNoMatchesError', async () => {
    pook.activate();
    const seen = record(pook.engine());
    const thrown = await fetch('http://api.test/nothing').catch((e: TypeError) => e.cause);
    expect(seen.map(([name]) => name)).toEqual(['unmatched', 'error']);
    expect(seen[0]![1]).toEqual({ request: expect.any(PookRequest), passthrough: false });
    const error = (seen[1]![1] as EngineEventMap['error']).error;
    expect(error).toBeInstanceOf(PookNoMatchesError);
    expect(error).toBe(thrown);
    expect((seen[1]![1] as EngineEventMap['error']).mock).toBeUndefined();
  });

  it('a request let through to the network: unmatched, then passthrough', async () => {
    server = await startServer();
    pook.activate();
    pook.enableNetwork('127.0.0.1');
    const seen = record(pook.engine());
    expect((await fetch(`${server.origin}/real`)).status).toBe(200);
    expect(seen.map(([name]) => name)).toEqual(['unmatched', 'passthrough']);
    expect(seen[0]![1]).toMatchObject({ passthrough: true });
    expect((seen[1]![1] as EngineEventMap['passthrough']).request.url.href).toBe(`${server.origin}/real`);
  });

  it('an engine mapper that throws: error, without a mock', async () => {
    const engine = new Engine();
    engine.map(() => {
      throw new Error('bad mapper');
    });
    const seen = record(engine);
    const outcome = await engine.handle(new PookRequest({ method: 'GET', url: 'http://api.test/' }));
    expect(outcome.type).toBe('error');
    expect(seen).toEqual([['error', { request: expect.any(PookRequest), error: new Error('bad mapper'), mock: undefined }]]);
  });

  it('off() removes a listener; the same listener added twice is called twice', async () => {
    const engine = new Engine();
    engine.addMock(new Mock({ url: 'api.test', persist: true }));
    let calls = 0;
    const listener = (): void => void calls++;
    expect(engine.on('match', listener).on('match', listener)).toBe(engine);
    await engine.handle(new PookRequest({ method: 'GET', url: 'http://api.test/' }));
    expect(calls).toBe(2);
    engine.off('match', listener);
    await engine.handle(new PookRequest({ method: 'GET', url: 'http://api.test/' }));
    expect(calls).toBe(3);
    engine.off('match', listener);
    engine.off('match', listener); // nothing left to remove: no error
    await engine.handle(new PookRequest({ method: 'GET', url: 'http://api.test/' }));
    expect(calls).toBe(3);
  });

  it('rejects an unknown event or a listener that is not a function', () => {
    const engine = new Engine();
    expect(() => engine.on('matched' as never, () => undefined)).toThrow(PookInvalidArgumentError);
    expect(() => engine.on('match', 'nope' as never)).toThrow(PookInvalidArgumentError);
  });

  it('a listener that throws does not change what happens to the request; its error is uncaught', async () => {
    const { code, stdout } = await runTs('throwing-listener.ts');
    expect(code).toBe(0);
    expect(stdout.trimEnd().split('\n').sort()).toEqual(['status: 200 {"ok":true}', 'uncaught: listener failed']);
  });
});
