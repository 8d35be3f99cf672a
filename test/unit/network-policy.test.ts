import { describe, expect, it } from 'vitest';
import { Engine, Mock, type NetworkFilter, PookNoMatchesError } from '../../src/index.js';
import { invalidArgument, request } from './support.js';

const decide = async (engine: Engine, url: string) => (await engine.handle(request({ url }))).type;

describe('network policy', () => {
  it('networking is off by default: an unmatched request fails', async () => {
    const engine = new Engine();
    expect(engine.networking).toBe(false);
    const outcome = await engine.handle(request({ url: 'http://api.test/' }));
    expect(outcome.type).toBe('error');
    expect((outcome as { error: Error }).error).toBeInstanceOf(PookNoMatchesError);
    expect((outcome as { error: Error }).error.message).toContain('Real networking is disabled');
  });

  it('enableNetwork() without hosts lets every unmatched request through, and records it', async () => {
    const engine = new Engine();
    engine.enableNetwork();
    expect(engine.networking).toBe(true);
    expect(await decide(engine, 'http://anything.test/')).toBe('passthrough');
    expect(engine.unmatchedRequests().map((r) => r.url.href)).toEqual(['http://anything.test/']);
  });

  it('a matched request never goes to the network', async () => {
    const engine = new Engine({ network: true });
    engine.addMock(new Mock({ url: 'api.test' }));
    expect(await decide(engine, 'http://api.test/')).toBe('response');
    expect(engine.unmatchedRequests()).toEqual([]);
  });

  it('a host string compares the exact hostname, case-insensitively', async () => {
    const engine = new Engine();
    engine.enableNetwork('Allowed.test');
    expect(await decide(engine, 'http://allowed.test/x')).toBe('passthrough');
    expect(await decide(engine, 'https://allowed.test:8443/x')).toBe('passthrough');
    expect(await decide(engine, 'http://sub.allowed.test/')).toBe('error');
    expect(await decide(engine, 'http://allowed.test.evil/')).toBe('error');
  });

  it('a "host:port" string compares host and port', async () => {
    const engine = new Engine();
    engine.enableNetwork('localhost:8080');
    expect(await decide(engine, 'http://localhost:8080/')).toBe('passthrough');
    expect(await decide(engine, 'http://localhost:9090/')).toBe('error');
  });

  it('a RegExp is tested against the hostname, also when global', async () => {
    const engine = new Engine();
    engine.enableNetwork(/\.internal$/g);
    for (let i = 0; i < 3; i++) expect(await decide(engine, 'http://db.internal/')).toBe('passthrough');
    expect(await decide(engine, 'http://db.internal.test/')).toBe('error');
  });

  it('hosts accumulate across calls', async () => {
    const engine = new Engine();
    engine.enableNetwork('a.test');
    engine.enableNetwork('b.test', /^c\./);
    expect(await decide(engine, 'http://a.test/')).toBe('passthrough');
    expect(await decide(engine, 'http://b.test/')).toBe('passthrough');
    expect(await decide(engine, 'http://c.test/')).toBe('passthrough');
    expect(await decide(engine, 'http://d.test/')).toBe('error');
  });

  it('useNetworkFilter: a request passes when any filter returns true', async () => {
    const engine = new Engine({ network: true });
    const seen: string[] = [];
    engine.useNetworkFilter(
      (req) => {
        seen.push('first');
        return req.url.port === '8080';
      },
      (req) => {
        seen.push('second');
        return req.method === 'HEAD';
      },
    );
    expect(await decide(engine, 'http://x.test:8080/')).toBe('passthrough');
    expect((await engine.handle(request({ url: 'http://x.test/', method: 'HEAD' }))).type).toBe('passthrough');
    expect(await decide(engine, 'http://x.test/')).toBe('error');
    expect(seen).toContain('second');
  });

  it('host filters and function filters combine: any one accepting is enough', async () => {
    const engine = new Engine();
    engine.enableNetwork('a.test');
    engine.useNetworkFilter((req) => req.url.hostname === 'b.test');
    expect(await decide(engine, 'http://a.test/')).toBe('passthrough');
    expect(await decide(engine, 'http://b.test/')).toBe('passthrough');
    expect(await decide(engine, 'http://c.test/')).toBe('error');
  });

  it('filters alone do not enable networking', async () => {
    const engine = new Engine();
    engine.useNetworkFilter(() => true);
    expect(await decide(engine, 'http://a.test/')).toBe('error');
  });

  it('disableNetwork() blocks again but keeps the filters', async () => {
    const engine = new Engine();
    engine.enableNetwork('a.test');
    engine.disableNetwork();
    expect(engine.networking).toBe(false);
    expect(await decide(engine, 'http://a.test/')).toBe('error');
    engine.enableNetwork();
    expect(await decide(engine, 'http://a.test/')).toBe('passthrough');
    expect(await decide(engine, 'http://b.test/')).toBe('error');
  });

  it('flushNetworkFilters() removes every filter and keeps networking on', async () => {
    const engine = new Engine();
    engine.enableNetwork('a.test');
    engine.useNetworkFilter(() => false);
    engine.flushNetworkFilters();
    expect(engine.networking).toBe(true);
    expect(await decide(engine, 'http://b.test/')).toBe('passthrough');
  });

  it('reset() flushes the filters and keeps the networking flag', async () => {
    const engine = new Engine();
    engine.enableNetwork('a.test');
    engine.reset();
    expect(engine.networking).toBe(true);
    expect(await decide(engine, 'http://b.test/')).toBe('passthrough');
  });

  it('the no-match message says when networking is on but no filter accepted', async () => {
    const engine = new Engine();
    engine.enableNetwork('a.test');
    const outcome = await engine.handle(request({ url: 'http://b.test/' }));
    expect((outcome as { error: Error }).error.message).toContain('Real networking is enabled, but no network filter accepted this request.');
  });

  it('rejects bad hosts and filters', () => {
    invalidArgument(() => new Engine().enableNetwork(''), 'enableNetwork');
    invalidArgument(() => new Engine().enableNetwork(42 as unknown as string), 'enableNetwork');
    invalidArgument(() => new Engine().useNetworkFilter('a.test' as unknown as NetworkFilter), 'useNetworkFilter');
  });

  it('a rejected host leaves networking unchanged', () => {
    const engine = new Engine();
    expect(() => engine.enableNetwork('a.test', '')).toThrow();
    expect(engine.networking).toBe(false);
  });
});

describe('host filters with IPv6 and ports', () => {
  it('a bare IPv6 address, bracketed or not, compares the hostname', async () => {
    for (const host of ['::1', '[::1]']) {
      const engine = new Engine();
      engine.enableNetwork(host);
      expect(await decide(engine, 'http://[::1]:8080/')).toBe('passthrough');
      expect(await decide(engine, 'http://127.0.0.1:8080/')).toBe('error');
    }
  });

  it('"host:port" and "[v6]:port" compare the effective port too', async () => {
    const engine = new Engine();
    engine.enableNetwork('[::1]:8080', 'localhost:80');
    expect(await decide(engine, 'http://[::1]:8080/')).toBe('passthrough');
    expect(await decide(engine, 'http://[::1]:8081/')).toBe('error');
    expect(await decide(engine, 'http://localhost/')).toBe('passthrough');
    expect(await decide(engine, 'https://localhost/')).toBe('error');
  });
});
