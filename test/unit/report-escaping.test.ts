import { describe, expect, it } from 'vitest';
import { Engine, Mock, PookRequest } from '../../src/index.js';

// A report never holds a raw control character or a U+FFFD standing for
// bytes that are not text: the request block escapes them, and a JSON
// expectation names a binary body's first bytes in hex.

// biome-ignore lint/suspicious/noControlCharactersInRegex: the report must not hold any control character
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
const post = (body: string | Uint8Array, headers: Record<string, string> = {}) => new PookRequest({ method: 'POST', url: 'https://api.test/x', body, headers });

describe('the request block', () => {
  it('escapes control characters in a text body, a carriage return included', () => {
    const { message } = new Engine().noMatchError(post('line one\r\nline\u0000two\u001b[31m red'));
    expect(message).toContain('    body (27 bytes):\n      line one\\r\n      line\\u0000two\\u001b[31m red\n');
    expect(message).not.toMatch(CONTROL);
  });

  it('shows a body that is not UTF-8 as its size only', () => {
    const { message } = new Engine().noMatchError(post(Uint8Array.of(0xff, 0xfe, 0x00, 0x41)));
    expect(message).toContain('body: 4 bytes of binary data');
    expect(message).not.toContain('\uFFFD');
  });
});

describe('a JSON expectation against a body that is not JSON', () => {
  it('names the first bytes in hex when the body is not UTF-8 text', () => {
    const engine = new Engine();
    engine.addMock(new Mock({ url: 'api.test/x', method: 'POST' }).json({ a: 1 }));
    engine.addMock(new Mock({ url: 'api.test/x', method: 'POST' }).jsonSchema({ type: 'object' }));
    const { message } = engine.noMatchError(post(Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00)));
    expect(message).toContain('✗ json: the body is not valid JSON (10 bytes, not UTF-8 text; starts with 89 50 4e 47 0d 0a 1a 0a …)');
    expect(message).toContain('✗ json schema: the body is not valid JSON (10 bytes, not UTF-8 text; starts with 89 50 4e 47 0d 0a 1a 0a …)');
    expect(message).not.toContain('\uFFFD');
    expect(message).not.toMatch(CONTROL);
  });

  it('quotes the start of a text body, escaped', () => {
    const engine = new Engine();
    engine.addMock(new Mock({ url: 'api.test/x', method: 'POST' }).json({ a: 1 }));
    expect(engine.noMatchError(post('name=ada\u0000')).message).toContain('✗ json: the body is not valid JSON (starts with "name=ada\\u0000")');
  });
});
