import { plural } from './text.js';

// How a report shows two binary bodies that differ: their sizes, the offset
// of the first byte that differs, and a hex dump of both around it (the row
// of 16 bytes that holds it, and one row either side), as `xxd` prints one.
// Bytes are never decoded as text: no U+FFFD, no raw control character.

const ROW = 16;

const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0');

/** The offset of the first byte where `a` and `b` differ, the shorter length when one is a prefix of the other, `-1` when equal. */
export function firstDifferentByte(a: Uint8Array, b: Uint8Array): number {
  const shared = Math.min(a.byteLength, b.byteLength);
  let i = 0;
  while (i < shared && a[i] === b[i]) i++;
  return i === shared && a.byteLength === b.byteLength ? -1 : i;
}

/** One row of a dump: offset, up to 16 bytes in hex, and the printable ASCII ones (`.` for the rest). */
function row(label: string, bytes: Uint8Array, start: number): string {
  const slice = bytes.subarray(start, start + ROW);
  if (slice.byteLength === 0) return `${label}  ${hex(start, 8)}  (end)`;
  const cells = Array.from(slice, (byte) => hex(byte, 2)).join(' ');
  const ascii = Array.from(slice, (byte) => (byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : '.')).join('');
  return `${label}  ${hex(start, 8)}  ${cells.padEnd(ROW * 3 - 1)}  |${ascii}|`;
}

/**
 * Two byte sequences that differ, for a report: a headline with both sizes
 * and the offset of the first differing byte (decimal and hex), then a hex
 * dump of both around it with a caret under that byte.
 *
 * @example
 * ```ts
 * formatByteDifference(Uint8Array.of(1, 2, 3), Uint8Array.of(1, 9, 3))[0];
 * // 'first difference at byte 1 (0x1); expected 3 bytes, got 3 bytes'
 * ```
 */
export function formatByteDifference(expected: Uint8Array, actual: Uint8Array): string[] {
  const offset = firstDifferentByte(expected, actual);
  if (offset === -1) return ['the bytes are equal'];
  const size = (bytes: Uint8Array): string => (bytes.byteLength === 0 ? 'an empty body' : plural(bytes.byteLength, 'byte'));
  const sizes = `expected ${size(expected)}, got ${size(actual)}`;
  const at = `byte ${offset} (0x${offset.toString(16)})`;
  let head: string;
  if (expected.byteLength === 0 || actual.byteLength === 0) head = sizes;
  else if (offset === expected.byteLength) head = `the actual body goes on where the expected one ends, at ${at}; ${sizes}`;
  else if (offset === actual.byteLength) head = `the actual body ends at ${at}, before the expected one does; ${sizes}`;
  else head = `first difference at ${at}; ${sizes}`;
  const out = [head];
  const at16 = offset - (offset % ROW);
  for (let start = Math.max(0, at16 - ROW); start <= at16 + ROW; start += ROW) {
    if (start > at16 && start >= expected.byteLength && start >= actual.byteLength) break;
    out.push(row('expected', expected, start), row('actual  ', actual, start));
    if (start === at16) out.push(`${' '.repeat(20 + (offset - at16) * 3)}^^`);
  }
  return out;
}
