import { isAbsolute, join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatLocation } from '../../src/diagnostics/location.js';
import { DefinitionSite } from '../../src/engine/definition-site.js';
import pook, { Mock, PookInvalidArgumentError, PookRequest } from '../../src/index.js';

// Where a mock was defined: the first frame outside pook's own src/ (or dist/), rendered relative to the working directory.

afterEach(() => pook.off());

const THIS_FILE = 'test/unit/definition-site.test.ts';
const site = (mock: Mock): string | undefined => formatLocation(mock.definedAt);

describe('mock.definedAt', () => {
  it('is the pook.get() call, past api.ts and mock.ts', () => {
    const mock = pook.get('api.test/users');
    expect(site(mock)).toBe(`${THIS_FILE}:16`);
    expect(mock.definedAt).toMatchObject({ file: resolve(THIS_FILE), line: 16 });
    expect(isAbsolute(mock.definedAt!.file)).toBe(true);
    expect(mock.definedAt!.column).toBeGreaterThan(0);
  });

  it('is the same for every module function and the options style', () => {
    const mocks = [
      pook.mock('api.test'),
      pook.post({ url: 'api.test' }),
      pook.delete('api.test', { times: 2 }),
    ];
    expect(mocks.map(site)).toEqual([`${THIS_FILE}:25`, `${THIS_FILE}:26`, `${THIS_FILE}:27`]);
  });

  it('is the `new Mock()` call, for mocks made directly and for subclasses', () => {
    class TracedMock extends Mock {}
    const direct = new Mock({ url: 'api.test' });
    const sub = new TracedMock({ url: 'api.test' });
    expect(site(direct)).toBe(`${THIS_FILE}:34`);
    expect(site(sub)).toBe(`${THIS_FILE}:35`);
  });

  it('is the first line outside pook: a helper of the test suite', () => {
    const helper = (url: string): Mock => pook.get(url).reply(200).mock;
    expect(site(helper('api.test'))).toBe(`${THIS_FILE}:41`);
  });

  it('is the line of the chained call in a multi-line chain', () => {
    const mock = pook
      .post('api.test/users')
      .json({ name: 'ada' });
    expect(site(mock)).toBe(`${THIS_FILE}:47`);
  });

  it('capturing uses its own frame limit and leaves Error.stackTraceLimit as it was, even 0', () => {
    const before = Error.stackTraceLimit;
    try {
      Error.stackTraceLimit = 0;
      const mock = new Mock({ url: 'api.test' });
      expect(Error.stackTraceLimit).toBe(0);
      // pook sets its own limit for the capture only: the site is still found.
      expect(site(mock)).toBe(`${THIS_FILE}:56`);
    } finally {
      Error.stackTraceLimit = before;
    }
    expect(Error.stackTraceLimit).toBe(before);
  });
});

describe('a definition error', () => {
  /** The first frame of an error's stack, as `file:line`. */
  const firstFrame = (error: unknown): string | undefined => {
    const frame = /\n\s+at (?:.*?\()?(\/[^():]+):(\d+):\d+\)?/.exec((error as Error).stack ?? '');
    return frame === null ? undefined : `${formatLocation({ file: frame[1]!, line: Number(frame[2]), column: 1 })}`.replace(/:1$/, '');
  };
  const thrown = (fn: () => unknown): unknown => {
    try {
      fn();
    } catch (error) {
      return error;
    }
    return expect.fail('nothing was thrown');
  };

  it('from the options object, however deep the check, starts its stack at the line that defined the mock', () => {
    const errors = [
      thrown(() => pook.get({ url: '' })),
      thrown(() => pook.get('api.test', { headers: { 'X-A': 'a', 'X-B': 're/[/' } })),
      thrown(() => pook.mock({ url: 'api.test', responseHeaders: { 'X-A': ['ok', 'bad\n'] } })),
      thrown(() => new Mock({ params: { a: ['1', 're/(/'] } })),
    ];
    for (const error of errors) expect(error).toBeInstanceOf(PookInvalidArgumentError);
    expect(errors.map(firstFrame)).toEqual([`${THIS_FILE}:84`, `${THIS_FILE}:85`, `${THIS_FILE}:86`, `${THIS_FILE}:87`]);
  });

  it('from a module function with a URL alone, too', () => {
    expect(firstFrame(thrown(() => pook.get('re/)/')))).toBe(`${THIS_FILE}:94`);
  });
});

describe("configure({ definitionSites })", () => {
  afterEach(() => pook.configure({ definitionSites: true }));

  it('off: new mocks record no site, and reports leave it out; back on: they have one again', () => {
    pook.configure({ definitionSites: false });
    const off = pook.get('api.test/off');
    const direct = new Mock({ url: 'api.test/direct' });
    expect(off.definedAt).toBeUndefined();
    expect(direct.definedAt).toBeUndefined();
    const error = pook.engine().noMatchError(new PookRequest({ method: 'GET', url: 'http://api.test/offf' }));
    expect(error.message).toContain('GET api.test/off — matches except for url path');
    expect(error.message).not.toContain('defined at');
    pook.configure({ definitionSites: true });
    expect(pook.get('api.test/on').definedAt?.file).toBe(resolve(THIS_FILE));
    expect(off.definedAt).toBeUndefined(); // mocks keep what they got
  });

  it('rejects a non-boolean, naming it', () => {
    expect(() => pook.configure({ definitionSites: 'no' as never })).toThrow(/definitionSites/);
    expect(() => pook.configure({ definitionSites: 0 as never })).toThrow(PookInvalidArgumentError);
  });
});

describe('DefinitionSite', () => {
  it('is undefined when no frame outside pook was captured', () => {
    // Captured from inside a function skipped with all its callers: nothing left.
    function outer(): DefinitionSite {
      return DefinitionSite.capture(outer);
    }
    const viaTop = ((): DefinitionSite => DefinitionSite.capture(Function.prototype as never))();
    expect(viaTop.location).toBeUndefined();
    expect(formatLocation(viaTop.location)).toBeUndefined();
    expect(outer().location?.file).toBe(resolve(THIS_FILE));
  });

  it('formatLocation: relative to the working directory, with forward slashes; outside it, ../', () => {
    expect(formatLocation({ file: join(process.cwd(), 'test', 'a.test.ts'), line: 3, column: 1 })).toBe('test/a.test.ts:3');
    expect(formatLocation({ file: resolve(process.cwd(), '..', 'other', 'b.ts'), line: 9, column: 2 })).toBe('../other/b.ts:9');
    expect(formatLocation({ file: 'http://x.test/c.js', line: 1, column: 1 })).toBe('http://x.test/c.js:1');
    expect(formatLocation(undefined)).toBeUndefined();
  });
});
