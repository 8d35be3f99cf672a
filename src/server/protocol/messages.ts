// The JSON bodies of the admin API (docs/server.md, "Admin API"; the server
// serves them as an OpenAPI document at /__pook/openapi.json). Shared by the
// server, which writes them, and `pook/remote`, which reads them.

import type { WireLocation } from './definition.js';

/** The prefix of every admin API path. */
export const ADMIN_PREFIX = '/__pook';

/** A request as the admin API shows it. */
export interface RequestRecord {
  readonly method: string;
  readonly url: string;
  /** Header pairs in the order received, names as the client sent them. */
  readonly headers: ReadonlyArray<readonly [string, string]>;
  /** The body as text (`bodyEncoding: 'utf8'`) or base64; absent when there was none. */
  readonly body?: string;
  readonly bodyEncoding?: 'utf8' | 'base64';
  /** When the request arrived, in ms since the epoch. */
  readonly timestamp: number;
}

/** One failed (or passed) expectation of a mock against a request. */
export interface ResultRecord {
  readonly pass: boolean;
  readonly expectation: string;
  readonly expected?: unknown;
  readonly actual?: unknown;
  readonly reason?: string;
}

/** A mock as a near miss of an unmatched request, closest first. */
export interface NearMissRecord {
  /** The mock's id (`/__pook/mocks/{id}`). */
  readonly mockId: string | undefined;
  readonly label: string;
  /** How far it is from the request (0 would have matched); see docs/when-nothing-matches.md. */
  readonly distance: number;
  /** The verdict in words, e.g. `matches except for header "accept"`. */
  readonly summary: string;
  readonly state: 'evaluated' | 'expired' | 'filtered';
  /** The expectations that failed. */
  readonly failures: readonly ResultRecord[];
}

/** A request no mock matched, with its ranked near misses. */
export interface UnmatchedRecord {
  readonly request: RequestRecord;
  /** The status the server answered with, or `'passthrough'` when it went to the network. */
  readonly outcome: number | 'passthrough';
  /** The no-match report, the text an in-process request would fail with. */
  readonly message: string;
  readonly nearMisses: readonly NearMissRecord[];
}

/** A registered mock. */
export interface MockRecord {
  readonly id: string;
  readonly label: string;
  /** Where it was defined: a mock file, or the remote client's call site. */
  readonly definedAt?: WireLocation | undefined;
  /** `file` for mocks loaded from `--mocks`, `api` for mocks created through the admin API. */
  readonly source: 'file' | 'api';
  readonly calls: number;
  readonly times: number;
  readonly persist: boolean;
  readonly done: boolean;
  readonly expired: boolean;
  /** What the mock expects, one line per expectation. */
  readonly expectations: readonly string[];
}

/** An error of the admin API (every 4xx and 5xx body). */
export interface ErrorBody {
  readonly error: {
    /** The error's class name, e.g. `PookInvalidArgumentError`. */
    readonly name: string;
    /** Its stable code, e.g. `POOK_INVALID_ARGUMENT`. */
    readonly code: string;
    /** The full message, as the same error in-process has it. */
    readonly message: string;
    /** The options key or field that was rejected, when one was. */
    readonly argument?: string;
    /** The index of the rejected definition in a list of them. */
    readonly entry?: number;
  };
}

/** `GET /__pook/pending`. */
export interface PendingBody {
  readonly done: boolean;
  readonly mocks: readonly MockRecord[];
  /** The report `assertDone()` would throw, when not done. */
  readonly message?: string;
}

/** `GET /__pook/unmatched`. */
export interface UnmatchedBody {
  readonly requests: readonly UnmatchedRecord[];
  /** The report `assertNoUnmatched()` would throw, when there are any. */
  readonly message?: string;
}

/** `GET` and `PUT /__pook/network`. */
export interface NetworkBody {
  /** Whether unmatched requests may go to the network (the upstream, or their own host as a forward proxy). */
  readonly enabled: boolean;
  /** The upstream of `--proxy`, if any. */
  readonly upstream?: string | undefined;
}
