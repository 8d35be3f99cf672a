// Bodies in a HAR: text when they are text, base64 otherwise (HAR 1.2,
// "content": `encoding` says how `text` is encoded).

const fatal = new TextDecoder('utf-8', { fatal: true });
const TEXT_TYPE = /^(text\/|application\/(json|xml|javascript|ecmascript|x-www-form-urlencoded|graphql)|[^;]*\+(json|xml)\b)/i;

/** The body as HAR text: UTF-8 text when it is valid UTF-8 of a text type (or of no type), else base64. */
export function bodyText(bytes: Uint8Array, mimeType: string): { text: string; base64: boolean } {
  if (mimeType === '' || TEXT_TYPE.test(mimeType)) {
    try {
      return { text: fatal.decode(bytes), base64: false };
    } catch {
      // Not UTF-8: bytes.
    }
  }
  return { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'), base64: true };
}

/** The bytes of HAR text; `base64` when its `encoding` says so. */
export function bodyBytes(text: string | undefined, encoding: string | undefined): Uint8Array {
  if (text === undefined || text === '') return new Uint8Array(0);
  if (encoding === 'base64') return new Uint8Array(Buffer.from(text, 'base64'));
  return new Uint8Array(Buffer.from(text, 'utf8'));
}
