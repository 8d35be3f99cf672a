import { describe, expect, it } from 'vitest';
import { firstDifferentByte, formatByteDifference } from '../../src/diagnostics/byte-difference.js';

// Binary bodies in a report: sizes, the first differing byte and a hex dump
// of both around it. Bytes are never decoded as text.

const bytes = (length: number, at = (i: number) => i & 0xff): Uint8Array => Uint8Array.from({ length }, (_, i) => at(i));

describe('firstDifferentByte', () => {
  it('finds the first differing byte, the end of a prefix, or -1', () => {
    expect(firstDifferentByte(Uint8Array.of(1, 2), Uint8Array.of(1, 2))).toBe(-1);
    expect(firstDifferentByte(Uint8Array.of(), Uint8Array.of())).toBe(-1);
    expect(firstDifferentByte(Uint8Array.of(1, 2), Uint8Array.of(0, 2))).toBe(0);
    expect(firstDifferentByte(Uint8Array.of(1, 2), Uint8Array.of(1, 2, 3))).toBe(2);
    expect(firstDifferentByte(Uint8Array.of(1, 2, 3), Uint8Array.of(1))).toBe(1);
  });
});

describe('formatByteDifference', () => {
  it('sizes, the offset in decimal and hex, and rows of 16 bytes around it with a caret', () => {
    const expected = bytes(64);
    const actual = expected.slice();
    actual[37] = 0xff;
    expect(formatByteDifference(expected, actual)).toEqual([
      'first difference at byte 37 (0x25); expected 64 bytes, got 64 bytes',
      'expected  00000010  10 11 12 13 14 15 16 17 18 19 1a 1b 1c 1d 1e 1f  |................|',
      'actual    00000010  10 11 12 13 14 15 16 17 18 19 1a 1b 1c 1d 1e 1f  |................|',
      'expected  00000020  20 21 22 23 24 25 26 27 28 29 2a 2b 2c 2d 2e 2f  | !"#$%&\'()*+,-./|',
      'actual    00000020  20 21 22 23 24 ff 26 27 28 29 2a 2b 2c 2d 2e 2f  | !"#$.&\'()*+,-./|',
      '                                   ^^',
      'expected  00000030  30 31 32 33 34 35 36 37 38 39 3a 3b 3c 3d 3e 3f  |0123456789:;<=>?|',
      'actual    00000030  30 31 32 33 34 35 36 37 38 39 3a 3b 3c 3d 3e 3f  |0123456789:;<=>?|',
    ]);
  });

  it('a difference at byte 0 shows no row before it', () => {
    const lines = formatByteDifference(Uint8Array.of(0x89, 0x50), Uint8Array.of(0x00, 0x50));
    expect(lines).toEqual([
      'first difference at byte 0 (0x0); expected 2 bytes, got 2 bytes',
      'expected  00000000  89 50                                            |.P|',
      'actual    00000000  00 50                                            |.P|',
      '                    ^^',
    ]);
  });

  it('one side a prefix of the other: says which goes on, and marks the end', () => {
    const lines = formatByteDifference(bytes(16), bytes(20));
    expect(lines[0]).toBe('the actual body goes on where the expected one ends, at byte 16 (0x10); expected 16 bytes, got 20 bytes');
    expect(lines).toContain('expected  00000010  (end)');
    expect(lines).toContain('actual    00000010  10 11 12 13                                      |....|');
    expect(formatByteDifference(bytes(20), bytes(3))[0]).toBe(
      'the actual body ends at byte 3 (0x3), before the expected one does; expected 20 bytes, got 3 bytes',
    );
  });

  it('empty against non-empty', () => {
    expect(formatByteDifference(new Uint8Array(0), Uint8Array.of(1))).toEqual([
      'expected an empty body, got 1 byte',
      'expected  00000000  (end)',
      'actual    00000000  01                                               |.|',
      '                    ^^',
    ]);
  });

  it('is bounded (at most three rows of each side) and never prints a control character or U+FFFD', () => {
    const expected = bytes(1 << 20, (i) => (i * 7) & 0xff);
    const actual = expected.slice();
    actual[700_001] = expected[700_001]! ^ 1;
    const lines = formatByteDifference(expected, actual);
    expect(lines).toHaveLength(8);
    expect(lines[0]).toBe('first difference at byte 700001 (0xaae61); expected 1048576 bytes, got 1048576 bytes');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the report must not hold any control character
    expect(lines.join('\n')).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\uFFFD]/);
  });
});
