import type crypto from 'node:crypto';
import { builtin } from '../../core/builtin.js';
import { utf8 } from '../../core/bytes.js';

// The multipart/form-data encoding of a FormData, as fetch and XHR send it
// (the HTML standard's algorithm, as undici implements it). pook encodes it
// itself instead of using the global FormData and Response, because DOM test
// environments replace those globals with their own, and one realm's
// FormData does not accept another realm's File.

const escapeQuoted = (text: string): string => text.replace(/\n/g, '%0A').replace(/\r/g, '%0D').replace(/"/g, '%22');
const crlf = (text: string): string => text.replace(/\r?\n|\r/g, '\r\n');

interface FileLike {
  readonly name?: string;
  readonly type?: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

const isFile = (value: unknown): value is FileLike => value !== null && typeof value === 'object' && typeof (value as FileLike).arrayBuffer === 'function';

/** Encodes FormData entries (of any realm): the bytes, and the Content-Type with its boundary. */
export async function encodeMultipart(entries: Iterable<[string, unknown]>): Promise<{ bytes: Uint8Array; type: string }> {
  const { randomInt } = builtin<typeof crypto>('node:crypto');
  const boundary = `----formdata-pook-${String(randomInt(1e10)).padStart(10, '0')}${String(randomInt(1e10)).padStart(10, '0')}`;
  const parts: Uint8Array[] = [];
  for (const [name, value] of entries) {
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="${escapeQuoted(crlf(name))}"`;
    if (isFile(value)) {
      const filename = value.name === undefined ? 'blob' : value.name;
      parts.push(utf8(`${head}; filename="${escapeQuoted(filename)}"\r\nContent-Type: ${value.type || 'application/octet-stream'}\r\n\r\n`));
      parts.push(new Uint8Array(await value.arrayBuffer()));
      parts.push(utf8('\r\n'));
    } else {
      parts.push(utf8(`${head}\r\n\r\n${crlf(String(value))}\r\n`));
    }
  }
  parts.push(utf8(`--${boundary}--\r\n`));
  return { bytes: new Uint8Array(Buffer.concat(parts)), type: `multipart/form-data; boundary=${boundary}` };
}
