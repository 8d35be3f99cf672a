import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Mock } from '../../src/index.js';
import { BodyMatcher } from '../../src/matchers/body.js';
import { invalidArgument, request } from './support.js';

const post = (body?: string | Uint8Array) => request({ url: 'http://a.test/', method: 'POST', body });

describe('body matcher', () => {
  it('text must equal exactly', () => {
    expect(new BodyMatcher('a=1&b=2').match(post('a=1&b=2')).pass).toBe(true);
    expect(new BodyMatcher('a=1&b=2').match(post('a=1&b=2 '))).toEqual({ pass: false, expectation: 'body', expected: 'a=1&b=2', actual: 'a=1&b=2 ' });
    expect(new BodyMatcher('Hello').match(post('hello')).pass).toBe(false);
  });

  it('compares text as UTF-8 bytes', () => {
    expect(new BodyMatcher('héllo ✓').match(post(new TextEncoder().encode('héllo ✓'))).pass).toBe(true);
  });

  it('bytes must equal exactly', () => {
    const bytes = new Uint8Array([0, 1, 2, 255]);
    expect(new BodyMatcher(bytes).match(post(new Uint8Array([0, 1, 2, 255]))).pass).toBe(true);
    // Both sides in full: the bytes expected and the bytes sent.
    expect(new BodyMatcher(bytes).match(post(new Uint8Array([0, 1, 2, 254])))).toMatchObject({
      pass: false,
      expected: bytes,
      actual: new Uint8Array([0, 1, 2, 254]),
    });
    expect(new BodyMatcher(bytes).match(post(new Uint8Array([0, 1, 2]))).pass).toBe(false);
  });

  it('works with a Uint8Array view into a larger buffer', () => {
    const big = new Uint8Array([9, 9, 1, 2, 3, 9]);
    expect(new BodyMatcher(big.subarray(2, 5)).match(post(new Uint8Array([1, 2, 3]))).pass).toBe(true);
  });

  it('a RegExp is searched in the decoded text', () => {
    expect(new BodyMatcher(/"id":\s*\d+/).match(post('{"user": {"id": 42}}')).pass).toBe(true);
    expect(new BodyMatcher(/^\d+$/).match(post('abc'))).toMatchObject({ pass: false, expected: /^\d+$/, actual: 'abc' });
  });

  it('an empty expected body matches a request without a body', () => {
    expect(new BodyMatcher('').match(post()).pass).toBe(true);
    expect(new BodyMatcher('x').match(post())).toMatchObject({ pass: false, actual: '' });
  });

  it('body() and the option agree', () => {
    const req = post('nope');
    expect(new Mock().body('yes').explain(req).results).toEqual(new Mock({ body: 'yes' }).explain(req).results);
  });

  it('rejects a value that is not text, bytes or a RegExp', () => {
    invalidArgument(() => new Mock().body({ a: 1 } as unknown as string), 'body');
    invalidArgument(() => new Mock().body(undefined as unknown as string), 'body');
  });
});

describe('file matcher', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pook-body-'));
  const path = join(dir, 'upload.bin');
  writeFileSync(path, new Uint8Array([1, 2, 3]));

  it("matches the file's bytes, read when defined", () => {
    const mock = new Mock().file(path);
    writeFileSync(path, new Uint8Array([7, 7, 7]));
    expect(mock.explain(post(new Uint8Array([1, 2, 3]))).failures).toBe(0);
    expect(mock.explain(post(new Uint8Array([7, 7, 7]))).results).toEqual([expect.objectContaining({ pass: false, expectation: 'file' })]);
  });

  it('rejects an unreadable file at definition time, naming it', () => {
    const missing = join(dir, 'missing.bin');
    const error = invalidArgument(() => new Mock().file(missing), 'file');
    expect(error.message).toContain(missing);
    invalidArgument(() => new Mock({ file: dir }), 'file');
  });
});
