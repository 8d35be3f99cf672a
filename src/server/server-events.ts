// What a running server reports, for its log (the CLI prints these as
// readable lines, coloured on a terminal, or as JSON with --json).

/** One thing a server reports. */
export type ServerEvent =
  | { readonly type: 'listening'; readonly url: string; readonly token?: string | undefined }
  | {
      readonly type: 'request';
      readonly method: string;
      readonly url: string;
      /** The status sent; 0 when the connection was closed without a response (a mock's `error`). */
      readonly status: number;
      /** `mock`: a mock answered; `unmatched`: nothing matched; `passthrough`: sent to the network; `error`: the mock's error. */
      readonly outcome: 'mock' | 'unmatched' | 'passthrough' | 'error';
      /** The label of the mock that answered, or of the closest one for an unmatched request. */
      readonly mock?: string | undefined;
      readonly ms: number;
    }
  | { readonly type: 'admin'; readonly method: string; readonly path: string; readonly status: number }
  | { readonly type: 'loaded'; readonly mocks: number; readonly files: readonly string[] }
  | { readonly type: 'load-failed'; readonly message: string }
  | { readonly type: 'closing' }
  | { readonly type: 'closed' };

/** Receives a server's events. */
export type ServerLog = (event: ServerEvent) => void;
