import type net from 'node:net';
import { builtin } from '../../core/builtin.js';

// node:net (and with it Node's streams) is loaded with the first mock socket,
// not when pook is imported: a process that never uses node:http never pays
// for it (docs/performance.md, "Load less").

/** The socket a mocked `ClientRequest` talks to (see {@link createMockSocket}). */
export interface MockSocket extends net.Socket {
  /** Everything the client has written so far (and forgets it). */
  takeWritten(): Buffer;
}

let MockSocketClass: (new (secure: boolean) => MockSocket) | undefined;

/**
 * A new mock socket; `secure` makes it look like a TLS socket (for https requests).
 */
export function createMockSocket(secure: boolean): MockSocket {
  MockSocketClass ??= defineMockSocket(builtin<typeof net>('node:net'));
  return new MockSocketClass(secure);
}

/**
 * The socket a mocked `ClientRequest` talks to. The real ClientRequest writes
 * real HTTP/1.1 bytes into it and parses the real bytes pushed back, so every
 * client on node:http sees exactly what a server would send. It never opens
 * a connection and never resolves a name (fail closed, docs/networking.md).
 */
function defineMockSocket(netModule: typeof net): new (secure: boolean) => MockSocket {
  return class MockSocket extends netModule.Socket {
    readonly #written: Buffer[] = [];

    /** @param secure - look like a TLS socket (for https requests) */
    constructor(secure: boolean) {
      super();
      const self = this as unknown as Record<string, unknown>;
      self.connecting = true;
      if (secure) {
        self.encrypted = true;
        self.authorized = true;
        self.alpnProtocol = 'http/1.1';
        self.getPeerCertificate = () => ({});
        self.getProtocol = () => 'TLSv1.3';
        self.getCipher = () => ({ name: 'TLS_AES_128_GCM_SHA256', standardName: 'TLS_AES_128_GCM_SHA256', version: 'TLSv1.3' });
      }
      // Connected on the second tick, so after ClientRequest's 'socket' event
      // (which it emits on the next tick), as a real connection is: a listener
      // added to the socket on 'socket' sees 'connect'. Ticks, not timers, so
      // fake timers cannot hold the connection back.
      process.nextTick(() =>
        process.nextTick(() => {
          if (this.destroyed) return;
          self.connecting = false;
          this.emit('connect');
          if (secure) this.emit('secureConnect');
          this.emit('ready');
        }),
      );
    }

    /**
     * Response bytes for the client (`null`: the end of the connection). Data
     * restarts the idle timer of `setTimeout()`, as a real socket's reads do.
     */
    override push(chunk: unknown, encoding?: BufferEncoding): boolean {
      if (chunk !== null) this.#active();
      return super.push(chunk, encoding);
    }

    // net.Socket's own timer refresh (`_unrefTimer`), which its reads and writes call.
    #active(): void {
      (this as unknown as { _unrefTimer?: () => void })._unrefTimer?.();
    }

    /** Everything the client has written so far (and forgets it). */
    takeWritten(): Buffer {
      const data = Buffer.concat(this.#written);
      this.#written.length = 0;
      return data;
    }

    override _write(chunk: Buffer | string, encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
      this.#written.push(typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk);
      this.#active();
      callback();
    }

    override _writev(chunks: Array<{ chunk: Buffer | string; encoding: BufferEncoding }>, callback: (error?: Error | null) => void): void {
      for (const { chunk, encoding } of chunks) this.#written.push(typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk);
      this.#active();
      callback();
    }

    override _read(): void {
      // Data is pushed by the exchange when the response is ready.
    }

    override _final(callback: (error?: Error | null) => void): void {
      // net.Socket would wait for a 'connect' that a handle-less socket never gets.
      callback();
    }
  };
}
