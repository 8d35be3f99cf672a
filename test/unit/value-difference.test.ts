import { describe, expect, it } from 'vitest';
import { formatResult } from '../../src/diagnostics/expectation-lines.js';
import { formatValueDifference } from '../../src/diagnostics/value-difference.js';
import { Engine, Mock, PookRequest } from '../../src/index.js';
import { BodyMatcher } from '../../src/matchers/body.js';

// Which picture a failed expectation gets: short values keep one line, long
// or multi-line texts a window or a line diff, bytes a hex dump unless both
// sides are text; credentials never get a picture (it would show them).

const post = (body: string | Uint8Array, headers: Record<string, string> = {}) => new PookRequest({ method: 'POST', url: 'https://api.test/x', body, headers });
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('formatValueDifference', () => {
  it('leaves short one-line values to `expected …, got …`, and values that are neither text nor bytes', () => {
    expect(formatValueDifference('GET', 'POST')).toBeUndefined();
    expect(formatValueDifference('a\u0000b', 'a\u0000c')).toBeUndefined();
    expect(formatValueDifference(1, 2)).toBeUndefined();
    expect(formatValueDifference({ a: 1 }, { a: 2 })).toBeUndefined();
    expect(formatValueDifference(/x/, 'y')).toBeUndefined();
  });

  it('long one-line texts get a window, multi-line texts a line diff', () => {
    expect(formatValueDifference('x'.repeat(80), `${'x'.repeat(79)}y`)?.[1]).toBe(`expected: …${'x'.repeat(41)}`);
    expect(formatValueDifference('a\nb', 'a\nc')).toEqual([
      'first difference at line 2, column 1 (offset 2); expected 2 lines (3 characters), got 2 lines (3 characters)',
      '--- expected',
      '+++ actual',
      '@@ -1,2 +1,2 @@',
      ' a',
      '-b',
      '+c',
    ]);
  });

  it('bytes get a hex dump, even short ones; text on both sides is compared as text', () => {
    expect(formatValueDifference(Uint8Array.of(1, 2), Uint8Array.of(1, 3))?.[0]).toBe('first difference at byte 1 (0x1); expected 2 bytes, got 2 bytes');
    expect(formatValueDifference(utf8('line 1\nline 2'), utf8('line 1\nline 3'))?.[1]).toBe('--- expected');
    // Text expected, bytes that are not UTF-8 sent: a hex dump of both.
    expect(formatValueDifference('PNG', Uint8Array.of(0x89, 0x50, 0x4e, 0x47))?.[0]).toBe('first difference at byte 0 (0x0); expected 3 bytes, got 4 bytes');
    // UTF-8 with a control character is not shown as text.
    expect(formatValueDifference(utf8('a\u0000b'), utf8('a\u0000c'))?.[1]).toMatch(/^expected {2}00000000 {2}61 00 62/);
  });
});

describe('the body expectation in a report', () => {
  it('keeps both values whole on the result, as text, or as bytes when bytes were expected or sent', () => {
    const text = 'y'.repeat(5000);
    expect(new BodyMatcher(text).match(post(`${text}!`))).toMatchObject({ pass: false, expected: text, actual: `${text}!` });
    const png = Uint8Array.of(0x89, 0x50, 0x4e, 0x47);
    expect(new BodyMatcher('PNG').match(post(png))).toMatchObject({ pass: false, expected: 'PNG', actual: png });
    expect(new BodyMatcher(png).match(post('PNG'))).toMatchObject({ pass: false, expected: png, actual: utf8('PNG') });
    expect(new BodyMatcher(png).match(new PookRequest({ method: 'GET', url: 'https://api.test/' }))).toMatchObject({ actual: new Uint8Array(0) });
  });

  it('renders a hex dump with no U+FFFD when a text was expected and bytes were sent', () => {
    const engine = new Engine();
    engine.addMock(new Mock({ url: 'api.test/x', method: 'POST' }).body('PNG'));
    const { message } = engine.noMatchError(post(Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x00, 0x1b)));
    expect(message).toContain('✗ body: first difference at byte 0 (0x0); expected 3 bytes, got 6 bytes');
    expect(message).toContain('    actual    00000000  89 50 4e 47 00 1b');
    expect(message).not.toContain('\uFFFD');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the report must not hold any control character
    expect(message).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  });
});

describe('credentials', () => {
  it('are cut on both sides and never shown in a window, however long', () => {
    const token = `Bearer ${'t'.repeat(200)}`;
    const lines = formatResult({ pass: false, expectation: 'header "authorization"', expected: token, actual: `${token}x` });
    expect(lines).toEqual(['✗ header "authorization": expected "Bearer ttttt…", got "Bearer ttttt…" (cut short: they differ further on)']);
    expect(formatResult({ pass: false, expectation: 'header "cookie"', expected: /^session=[a-f0-9]{32}$/, actual: 'x=1' })).toEqual([
      '✗ header "cookie": expected /^session=[a…, got "x=1"',
    ]);
    // A missing header still says what was expected, cut.
    expect(formatResult({ pass: false, expectation: 'header "proxy-authorization"', expected: 'Basic dXNlcjpodW50ZXIy', reason: 'header is missing' })).toEqual(
      ['✗ header "proxy-authorization": header is missing (expected "Basic dXNlcj…")'],
    );
  });

  it('are cut in util.inspect(mock) too; mock.expectations keeps them whole', async () => {
    const { inspect } = await import('node:util');
    const { default: pook } = await import('../../src/index.js');
    const mock = pook.get('https://api.test/me').header('Authorization', 'Bearer sk_live_51HxQkP2eZvKYlo2C').reply(200).mock;
    expect(inspect(mock)).toContain('expects: header "authorization": "Bearer sk_li…"');
    expect(mock.expectations).toContain('header "authorization": "Bearer sk_live_51HxQkP2eZvKYlo2C"');
    pook.off();
  });
});
