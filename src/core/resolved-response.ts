// What an interceptor is handed to answer a request with: the one shape a
// mock's response takes once resolved, whoever defined it.

/** A response ready to be sent by an interceptor. */
export interface ResolvedResponse {
  /** The status code (100–599). */
  readonly status: number;
  /** The reason phrase sent with the status (`'OK'`; the standard one unless the mock set another). */
  readonly statusText: string;
  /** Header pairs in order, with the casing they were given. */
  readonly headers: ReadonlyArray<readonly [string, string]>;
  /** The whole body, a stream of chunks, or `null` for none. */
  readonly body: Uint8Array | AsyncIterable<Uint8Array> | null;
}
