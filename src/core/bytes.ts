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
