// `instanceof Uint8Array` is not enough: test environments such as Vitest's
// jsdom replace the global `Uint8Array` with another realm's, so bytes made
// by Node (Buffers, zlib output) fail it there. ArrayBuffer.isView does not.

/** Whether a value is a Uint8Array (a Buffer included) of any realm. */
export function isBytes(value: unknown): value is Uint8Array {
  // The toStringTag getter reads the typed array's internal kind, so it holds
  // across realms and rejects Uint16Array, Float32Array, DataView and friends.
  return ArrayBuffer.isView(value) && (value as { [Symbol.toStringTag]?: string })[Symbol.toStringTag] === 'Uint8Array';
}

/**
 * A fresh ArrayBuffer holding exactly these bytes. (`buffer` of a Node
 * Buffer, even of `buffer.slice()`, may be a larger shared pool.)
 */
export function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  const copy = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(copy).set(bytes);
  return copy;
}

const encoder = new TextEncoder();
const NodeBuffer = (globalThis as { Buffer?: typeof Buffer }).Buffer;

/**
 * The UTF-8 bytes of `text`, in a Uint8Array of their own. For short text
 * (mock bodies, request bodies) `TextEncoder.encode` costs the same whatever
 * the length, as it allocates its buffer outside the heap; copying out of
 * Node's Buffer pool costs several times less (docs/performance.md).
 */
export function utf8(text: string): Uint8Array {
  return NodeBuffer !== undefined && text.length < 4096 ? new Uint8Array(NodeBuffer.from(text, 'utf8')) : encoder.encode(text);
}

/**
 * The bytes of every chunk, one after the other, in a Uint8Array of their
 * own (through Node's Buffer where there is one: a single native copy).
 */
export function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  if (NodeBuffer !== undefined) return new Uint8Array(NodeBuffer.concat(chunks));
  let length = 0;
  for (const chunk of chunks) length += chunk.byteLength;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** Whether two byte arrays hold the same bytes (Node's native compare where there is one). */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  if (NodeBuffer !== undefined) return NodeBuffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
  return true;
}
