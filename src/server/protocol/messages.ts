// The JSON bodies of the admin API (docs/server.md, "Admin API"; the server
// serves them as an OpenAPI document at /__pook/openapi.json). Shared by the
// server, which writes them, and `pook/remote`, which reads them.

import type { WireLocation } from './definition.js';

/** The prefix of every admin API path. */
export const ADMIN_PREFIX = '/__pook';

/** A request as the admin API shows it. */
export interface RequestRecord {
  /** The request method, upper case. */
  readonly method: string;
  /** The request's absolute URL. */
  readonly url: string;
  /** Header pairs in the order received, names as the client sent them. */
  readonly headers: ReadonlyArray<readonly [string, string]>;
  /** The body as text (`bodyEncoding: 'utf8'`) or base64; absent when there was none. */
  readonly body?: string;
  /** How `body` is written: `utf8` text or `base64` bytes. */
  readonly bodyEncoding?: 'utf8' | 'base64';
  /** When the request arrived, in ms since the epoch. */
  readonly timestamp: number;
}

/** One failed (or passed) expectation of a mock against a request. */
export interface ResultRecord {
  /** Whether the expectation held. */
  readonly pass: boolean;
  /** The expectation, as the no-match report names it (e.g. `header "accept"`). */
  readonly expectation: string;
  /** What the mock expected, in full. */
  readonly expected?: unknown;
  /** What the request had, in full. */
  readonly actual?: unknown;
  /** Why it failed, in words, when the matcher gave a reason. */
  readonly reason?: string;
}

/** A mock as a near miss of an unmatched request, closest first. */
export interface NearMissRecord {
  /** The mock's id (`/__pook/mocks/{id}`). */
  readonly mockId: string | undefined;
  /** The mock as reports show it (`GET https://api.test/users`). */
  readonly label: string;
  /** How far it is from the request (0 would have matched); see docs/when-nothing-matches.md. */
  readonly distance: number;
  /** The verdict in words, e.g. `matches except for header "accept"`. */
  readonly summary: string;
  /** `evaluated` when its expectations were checked; `expired` or `filtered` when it could not match at all. */
  readonly state: 'evaluated' | 'expired' | 'filtered';
  /** The expectations that failed. */
  readonly failures: readonly ResultRecord[];
}

/** A request no mock matched, with its ranked near misses. */
export interface UnmatchedRecord {
  /** The request that nothing matched. */
  readonly request: RequestRecord;
  /** The status the server answered with, or `'passthrough'` when it went to the network. */
  readonly outcome: number | 'passthrough';
  /** The no-match report, the text an in-process request would fail with. */
  readonly message: string;
  /** The mocks that came closest, closest first. */
  readonly nearMisses: readonly NearMissRecord[];
}

/** A registered mock. */
export interface MockRecord {
  /** Its id in the admin API (`/__pook/mocks/{id}`). */
  readonly id: string;
  /** The mock as reports show it (`GET https://api.test/users`). */
  readonly label: string;
  /** Where it was defined: a mock file, or the remote client's call site. */
  readonly definedAt?: WireLocation | undefined;
  /** `file` for mocks loaded from `--mocks`, `api` for mocks created through the admin API. */
  readonly source: 'file' | 'api';
  /** How many requests it has answered. */
  readonly calls: number;
  /** How many times it may match (ignored when `persist`). */
  readonly times: number;
  /** Whether it never expires. */
  readonly persist: boolean;
  /** Whether it was called as often as expected. */
  readonly done: boolean;
  /** Whether it can match no more. */
  readonly expired: boolean;
  /** What the mock expects, one line per expectation. */
  readonly expectations: readonly string[];
}

/** An error of the admin API (every 4xx and 5xx body). */
export interface ErrorBody {
  /** What went wrong: the same fields as the `PookError` the server raised. */
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
  /** Whether every mock was called as often as expected. */
  readonly done: boolean;
  /** The mocks still pending. */
  readonly mocks: readonly MockRecord[];
  /** The report `assertDone()` would throw, when not done. */
  readonly message?: string;
}

/** `GET /__pook/unmatched`. */
export interface UnmatchedBody {
  /** The requests no mock matched, oldest first. */
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
