import type { PookRequest } from '../core/pook-request.js';
import type { CustomMatcherOf } from '../matchers/custom.js';
import type { JsonExpectation } from '../matchers/json.js';
import type { ParamValue } from '../matchers/query.js';
import type { BodyInit, DynamicReply } from './pook-response.js';

/**
 * The options-object style of defining a mock: every key does what the DSL
 * method of the same name does. An unknown key is a compile error and, at
 * run time, a `PookInvalidArgumentError` naming it. `M` is the mock that
 * filters, mappers, callbacks, custom matchers and reply functions receive:
 * use `MockOptions`, which is this interface for `Mock` (the mock class
 * declares its own options type so that neither file imports the other).
 *
 * @example
 * ```ts
 * pook.get('https://api.test/users', {
 *   headers: { Accept: 'application/json' },
 *   times: 2,
 *   reply: 200,
 *   responseJson: [{ id: 1 }],
 * });
 * ```
 */
export interface MockOptionsOf<M> {
  /** Request URL (see `Mock.url`). */
  readonly url?: string | RegExp;
  /** Request method; `'*'` for any. */
  readonly method?: string;
  /** Exact path or RegExp. */
  readonly path?: string | RegExp;
  /** Expected header values (exact or RegExp). */
  readonly headers?: Record<string, string | RegExp>;
  /** Headers that must be present. */
  readonly headerPresent?: string | readonly string[];
  /** Headers that must be absent. */
  readonly headerAbsent?: string | readonly string[];
  /** Expected Content-Type or alias. */
  readonly type?: string;
  /** Expected query parameters. */
  readonly params?: Record<string, ParamValue>;
  /** The whole expected query: exactly these parameters, no other. */
  readonly query?: Record<string, ParamValue>;
  /** Query keys that must be present (non-empty). */
  readonly paramExists?: string | readonly string[];
  /** Expected body (exact text/bytes or RegExp). */
  readonly body?: string | Uint8Array | RegExp;
  /** Expected form body (`application/x-www-form-urlencoded`): exactly these fields. */
  readonly form?: Record<string, ParamValue>;
  /** Expected JSON body. */
  readonly json?: JsonExpectation;
  /** JSON Schema the body must satisfy. */
  readonly jsonSchema?: object | string;
  /** Expected XML body. */
  readonly xml?: string | RegExp;
  /** Path of a file whose bytes the body must equal. */
  readonly file?: string;
  /** Custom matcher(s). */
  readonly use?: CustomMatcherOf<M> | readonly CustomMatcherOf<M>[];
  /** Filter(s): false makes the mock skip the request. */
  readonly filter?: ((request: PookRequest, mock: M) => boolean) | ReadonlyArray<(request: PookRequest, mock: M) => boolean>;
  /** Mapper(s) applied before matching. */
  readonly map?: ((request: PookRequest, mock: M) => PookRequest) | ReadonlyArray<(request: PookRequest, mock: M) => PookRequest>;
  /** Callback(s) after each match. */
  readonly callback?: ((request: PookRequest, mock: M) => void) | ReadonlyArray<(request: PookRequest, mock: M) => void>;
  /** How many times the mock may match. */
  readonly times?: number;
  /** Never expire. */
  readonly persist?: boolean;
  /** Response delay in ms. */
  readonly delay?: number;
  /** Fail the request with this error. */
  readonly error?: Error | string;
  /** Response status, or a function computing the response. */
  readonly reply?: number | ((request: PookRequest, mock: M) => DynamicReply | Promise<DynamicReply>);
  /** Response headers. */
  readonly responseHeaders?: Record<string, string | readonly string[]>;
  /** Response Content-Type or alias. */
  readonly responseType?: string;
  /** Response body. */
  readonly responseBody?: BodyInit;
  /** Response JSON body. */
  readonly responseJson?: unknown;
  /** Response XML body. */
  readonly responseXml?: string;
  /** Path of a file whose bytes are the response body. */
  readonly responseFile?: string;
}
