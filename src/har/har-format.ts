// The HAR 1.2 format (http://www.softwareishard.com/blog/har-12-spec/), as
// pook writes and reads it. Readers keep what other tools add: custom
// fields start with `_` (Chrome's `_initiator`, Playwright's `_transferSize`).

/** A header or query parameter. */
export interface HarNameValue {
  /** Name. */
  name: string;
  /** Value. */
  value: string;
  /** Free text. */
  comment?: string;
}

/** A cookie sent (`Cookie`) or set (`Set-Cookie`). */
export interface HarCookie {
  /** Name. */
  name: string;
  /** Value. */
  value: string;
  /** Cookie path. */
  path?: string;
  /** Cookie domain. */
  domain?: string;
  /** Expiry, ISO 8601. */
  expires?: string | null;
  /** Set with HttpOnly. */
  httpOnly?: boolean;
  /** Set with Secure. */
  secure?: boolean;
  /** Free text. */
  comment?: string;
}

/** A request body. pook adds `_encoding: 'base64'` for bytes that are not text (HAR 1.2 has no field for it). */
export interface HarPostData {
  /** Content-Type of the body. */
  mimeType: string;
  /** The body: text, or base64 (see `encoding` / `_encoding`). */
  text?: string;
  /** Form fields of a posted form. */
  params?: Array<{ name: string; value?: string; fileName?: string; contentType?: string; comment?: string }>;
  /** Free text. */
  comment?: string;
  /** `'base64'` when `text` is base64 bytes (pook's own field). */
  _encoding?: string;
  /** Custom fields other tools add, `_`-prefixed (kept, ignored on load). */
  [custom: `_${string}`]: unknown;
}

/** A response body: `text` decoded (base64 with `encoding: 'base64'` for bytes), `size` its length. */
export interface HarContent {
  /** Length of the decoded body in bytes. */
  size: number;
  /** Bytes saved by compression. */
  compression?: number;
  /** Content-Type of the body. */
  mimeType: string;
  /** The body: text, or base64 (see `encoding` / `_encoding`). */
  text?: string;
  /** `'base64'` when `text` is base64. */
  encoding?: string;
  /** Free text. */
  comment?: string;
  /** Custom fields other tools add, `_`-prefixed (kept, ignored on load). */
  [custom: `_${string}`]: unknown;
}

/** The request of an entry. */
export interface HarRequest {
  /** Request method. */
  method: string;
  /** Absolute URL, query included. */
  url: string;
  /** `'HTTP/1.1'`, `'h2'`… */
  httpVersion: string;
  /** Cookies sent or set. */
  cookies: HarCookie[];
  /** Headers in order. */
  headers: HarNameValue[];
  /** Query parameters in order. */
  queryString: HarNameValue[];
  /** The request body, if any. */
  postData?: HarPostData;
  /** Bytes of the header block, -1 when unknown. */
  headersSize: number;
  /** Bytes of the body on the wire, -1 when unknown. */
  bodySize: number;
  /** Free text. */
  comment?: string;
  /** Custom fields other tools add, `_`-prefixed (kept, ignored on load). */
  [custom: `_${string}`]: unknown;
}

/** The response of an entry. */
export interface HarResponse {
  /** Status code. */
  status: number;
  /** Reason phrase. */
  statusText: string;
  /** `'HTTP/1.1'`, `'h2'`… */
  httpVersion: string;
  /** Cookies sent or set. */
  cookies: HarCookie[];
  /** Headers in order. */
  headers: HarNameValue[];
  /** The response body. */
  content: HarContent;
  /** Target of a redirect (`Location`), else `""`. */
  redirectURL: string;
  /** Bytes of the header block, -1 when unknown. */
  headersSize: number;
  /** Bytes of the body on the wire, -1 when unknown. */
  bodySize: number;
  /** Free text. */
  comment?: string;
  /** Custom fields other tools add, `_`-prefixed (kept, ignored on load). */
  [custom: `_${string}`]: unknown;
}

/** Phases of an exchange in ms; -1 when it does not apply. */
export interface HarTimings {
  /** Queued, ms. */
  blocked?: number;
  /** Name resolution, ms. */
  dns?: number;
  /** Connecting, ms. */
  connect?: number;
  /** Sending the request, ms. */
  send: number;
  /** Waiting for the response head, ms. */
  wait: number;
  /** Receiving the body, ms. */
  receive: number;
  /** TLS handshake, ms. */
  ssl?: number;
  /** Free text. */
  comment?: string;
}

/** One exchange. */
export interface HarEntry {
  /** The page it belongs to (browsers). */
  pageref?: string;
  /** When it started, ISO 8601. */
  startedDateTime: string;
  /** Total ms. */
  time: number;
  /** The request. */
  request: HarRequest;
  /** The response. */
  response: HarResponse;
  /** Cache state (pook writes `{}`). */
  cache: Record<string, unknown>;
  /** Phases in ms. */
  timings: HarTimings;
  /** Server address. */
  serverIPAddress?: string;
  /** Connection id. */
  connection?: string;
  /** Free text. */
  comment?: string;
  /** Custom fields other tools add, `_`-prefixed (kept, ignored on load). */
  [custom: `_${string}`]: unknown;
}

/** A HAR document. */
export interface Har {
  /** The archive. */
  log: {
    /** Format version, `'1.2'`. */
    version: string;
    /** The tool that wrote it. */
    creator: { name: string; version: string; comment?: string };
    /** The browser that wrote it. */
    browser?: { name: string; version: string; comment?: string };
    /** Pages (browsers). */
    pages?: unknown[];
    /** The exchanges, in order. */
    entries: HarEntry[];
    /** Free text. */
    comment?: string;
    /** Custom fields other tools add, `_`-prefixed (kept, ignored on load). */
    [custom: `_${string}`]: unknown;
  };
}
