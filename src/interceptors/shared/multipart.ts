import { concatBytes, utf8 } from '../../core/bytes.js';

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

/** Ten random decimal digits (Web Crypto: every runtime pook runs in has it). */
function randomDigits(): string {
  const [value = 0] = globalThis.crypto.getRandomValues(new Uint32Array(1));
  return String(Math.floor((value / 2 ** 32) * 1e10)).padStart(10, '0');
}

/** Encodes FormData entries (of any realm): the bytes, and the Content-Type with its boundary. */
export async function encodeMultipart(entries: Iterable<[string, unknown]>): Promise<{ bytes: Uint8Array; type: string }> {
  const boundary = `----formdata-pook-${randomDigits()}${randomDigits()}`;
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
  return { bytes: concatBytes(parts), type: `multipart/form-data; boundary=${boundary}` };
}
