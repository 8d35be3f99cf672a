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
