// The HAR 1.2 format (http://www.softwareishard.com/blog/har-12-spec/), as
// pook writes and reads it. Readers keep what other tools add: custom
// fields start with `_` (Chrome's `_initiator`, Playwright's `_transferSize`).

/** A header or query parameter. */
export interface HarNameValue {
  name: string;
  value: string;
  comment?: string;
}

/** A cookie sent (`Cookie`) or set (`Set-Cookie`). */
export interface HarCookie {
  name: string;
  value: string;
  path?: string;
  domain?: string;
  expires?: string | null;
  httpOnly?: boolean;
  secure?: boolean;
  comment?: string;
}

/** A request body. pook adds `_encoding: 'base64'` for bytes that are not text (HAR 1.2 has no field for it). */
export interface HarPostData {
  mimeType: string;
  text?: string;
  params?: Array<{ name: string; value?: string; fileName?: string; contentType?: string; comment?: string }>;
  comment?: string;
  _encoding?: string;
  [custom: `_${string}`]: unknown;
}

/** A response body: `text` decoded (base64 with `encoding: 'base64'` for bytes), `size` its length. */
export interface HarContent {
  size: number;
  compression?: number;
  mimeType: string;
  text?: string;
  encoding?: string;
  comment?: string;
  [custom: `_${string}`]: unknown;
}

/** The request of an entry. */
export interface HarRequest {
  method: string;
  url: string;
  httpVersion: string;
  cookies: HarCookie[];
  headers: HarNameValue[];
  queryString: HarNameValue[];
  postData?: HarPostData;
  headersSize: number;
  bodySize: number;
  comment?: string;
  [custom: `_${string}`]: unknown;
}

/** The response of an entry. */
export interface HarResponse {
  status: number;
  statusText: string;
  httpVersion: string;
  cookies: HarCookie[];
  headers: HarNameValue[];
  content: HarContent;
  redirectURL: string;
  headersSize: number;
  bodySize: number;
  comment?: string;
  [custom: `_${string}`]: unknown;
}

/** Phases of an exchange in ms; -1 when it does not apply. */
export interface HarTimings {
  blocked?: number;
  dns?: number;
  connect?: number;
  send: number;
  wait: number;
  receive: number;
  ssl?: number;
  comment?: string;
}

/** One exchange. */
export interface HarEntry {
  pageref?: string;
  startedDateTime: string;
  time: number;
  request: HarRequest;
  response: HarResponse;
  cache: Record<string, unknown>;
  timings: HarTimings;
  serverIPAddress?: string;
  connection?: string;
  comment?: string;
  [custom: `_${string}`]: unknown;
}

/** A HAR document. */
export interface Har {
  log: {
    version: string;
    creator: { name: string; version: string; comment?: string };
    browser?: { name: string; version: string; comment?: string };
    pages?: unknown[];
    entries: HarEntry[];
    comment?: string;
    [custom: `_${string}`]: unknown;
  };
}
