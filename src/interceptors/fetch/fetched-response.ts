// The Response a mocked fetch resolves to.
//
// A constructed Response has an empty url and type "default"; a fetched one
// does not. And building a Response over bytes costs a ReadableStream, its
// controller and a reader at `.json()`: most of what constructing and
// reading a Response costs (docs/performance.md). A mocked body is
// already whole in memory, so a FetchedResponse keeps a copy of its bytes
// and reads them directly when `.json()`, `.text()`, `.arrayBuffer()` or
// `.bytes()` is the first thing to touch the body. Anything else (`.body`,
// `.blob()`, `.formData()`, `clone()` after a read, a second read) first
// makes the real body: a Response of Node's own over the same bytes, whose
// stream and errors are undici's.

/**
 * How a mocked fetch answers: a real `Response` (subclass) whose `url`,
 * `redirected`, `type` and immutable headers are those of a fetched
 * response, and whose in-memory body is read without a stream when nothing
 * asks for one.
 */
export type FetchedResponseClass = new (
  body: Bytes | ReadableStream<Bytes> | null,
  init: ResponseInit,
  url: string,
  redirected: boolean,
  type: 'basic' | 'cors',
) => Response;

let FetchedResponse: FetchedResponseClass | undefined;

// The headers of a fetched response are immutable (the Fetch standard's
// "immutable" guard): they refuse every change with Node's own error. The
// Headers object of the Response itself is given this prototype, so it
// stays the one genuine Headers (and `instanceof Headers`).
let ImmutableHeaders: { readonly prototype: Headers } | undefined;

function immutable(headers: Headers): Headers {
  ImmutableHeaders ??= class ImmutableHeaders extends Headers {
    override append(): void {
      throw new TypeError('immutable');
    }

    override set(): void {
      throw new TypeError('immutable');
    }

    override delete(): void {
      throw new TypeError('immutable');
    }
  };
  return Object.setPrototypeOf(headers, ImmutableHeaders.prototype) as Headers;
}

type Bytes = Uint8Array<ArrayBuffer>;

const EMPTY: Bytes = new Uint8Array(0);

// What `.text()` does to bytes: UTF-8 with replacement, a leading BOM dropped.
let decoder: TextDecoder | undefined;

function decode(bytes: Bytes): string {
  decoder ??= new TextDecoder();
  return decoder.decode(bytes);
}

/**
 * The FetchedResponse class, made on first use: reading the global
 * `Response` loads Node's fetch implementation.
 */
export function fetchedResponse(): FetchedResponseClass {
  FetchedResponse ??= class FetchedResponse extends Response {
    readonly #url: string;
    readonly #redirected: boolean;
    readonly #type: 'basic' | 'cors';
    #headers: Headers | undefined;
    // The states of the body: a stream body is Node's own (#bytes and #real
    // undefined); an in-memory one is #bytes, unread (#read false) or read
    // (#read true, #bytes emptied), until something needs the real body:
    // then #real holds it and #bytes is undefined.
    #bytes: Bytes | undefined;
    #read = false;
    #real: Response | undefined;

    constructor(body: Bytes | ReadableStream<Bytes> | null, init: ResponseInit, url: string, redirected: boolean, type: 'basic' | 'cors') {
      // A copy, as Node's Response makes of bytes: the mock's own never leave pook.
      const bytes = body instanceof Uint8Array ? new Uint8Array(body) : undefined;
      super(bytes === undefined ? body : null, init);
      this.#bytes = bytes;
      this.#url = url;
      this.#redirected = redirected;
      this.#type = type;
    }

    /** Immutable, as the headers of a fetched response are (made so on first read). */
    override get headers(): Headers {
      this.#headers ??= immutable(super.headers);
      return this.#headers;
    }

    override get url(): string {
      return this.#url;
    }

    override get redirected(): boolean {
      return this.#redirected;
    }

    override get type(): ResponseType {
      return this.#type;
    }

    override get body(): ReadableStream<Bytes> | null {
      return this.#isStream() ? super.body : this.#materialise().body;
    }

    override get bodyUsed(): boolean {
      if (this.#isStream()) return super.bodyUsed;
      return this.#real === undefined ? this.#read : this.#real.bodyUsed;
    }

    override json(): Promise<unknown> {
      if (this.#isStream()) return super.json();
      const bytes = this.#take();
      if (bytes === undefined) return this.#materialise().json();
      try {
        return Promise.resolve(JSON.parse(decode(bytes)));
      } catch (error) {
        return Promise.reject(error);
      }
    }

    override text(): Promise<string> {
      if (this.#isStream()) return super.text();
      const bytes = this.#take();
      return bytes === undefined ? this.#materialise().text() : Promise.resolve(decode(bytes));
    }

    override arrayBuffer(): Promise<ArrayBuffer> {
      if (this.#isStream()) return super.arrayBuffer();
      const bytes = this.#take();
      return bytes === undefined ? this.#materialise().arrayBuffer() : Promise.resolve(bytes.buffer);
    }

    override bytes(): Promise<Bytes> {
      if (this.#isStream()) return super.bytes();
      const bytes = this.#take();
      return bytes === undefined ? this.#materialise().bytes() : Promise.resolve(bytes);
    }

    override blob(): Promise<Blob> {
      return this.#isStream() ? super.blob() : this.#materialise().blob();
    }

    override formData(): Promise<FormData> {
      return this.#isStream() ? super.formData() : this.#materialise().formData();
    }

    override clone(): Response {
      const init: ResponseInit = { status: this.status, statusText: this.statusText, headers: this.headers };
      // Unread and in memory: the copy gets a copy of the bytes.
      if (this.#real === undefined && this.#bytes !== undefined && !this.#read)
        return new FetchedResponse(this.#bytes, init, this.#url, this.#redirected, this.#type);
      // Node's clone (its checks, its tee); the copy keeps what makes it a fetched response.
      const copy = this.#isStream() ? super.clone() : this.#materialise().clone();
      return new FetchedResponse(copy.body, init, this.#url, this.#redirected, this.#type);
    }

    /** Whether the body is a stream of Node's own (a streamed mock body, or none). */
    #isStream(): boolean {
      return this.#bytes === undefined && this.#real === undefined;
    }

    /** The bytes, now marked read, if the body is unread and in memory; else undefined. */
    #take(): Bytes | undefined {
      const bytes = this.#bytes;
      if (bytes === undefined || this.#read) return undefined;
      this.#read = true;
      this.#bytes = EMPTY;
      return bytes;
    }

    /**
     * The real body: a Response of Node's over the bytes, with the same
     * headers (for `.blob()`'s type and `.formData()`), read if they were.
     */
    #materialise(): Response {
      if (this.#real === undefined) {
        this.#real = new Response(this.#bytes, { headers: this.headers });
        // A read starts synchronously, which makes the stream disturbed and
        // locked, as `.json()` leaves it; Node's own errors follow from there.
        if (this.#read) this.#real.arrayBuffer().catch(() => undefined);
        this.#bytes = undefined;
      }
      return this.#real;
    }
  };
  return FetchedResponse;
}
