// The classes and the type guard of the public surface, listed once: index.ts
// re-exports them by name and spreads them into the default export, so
// `import pook from 'pook'` and `import * as pook from 'pook'` cannot drift.

export { PookInvalidArgumentError } from '../core/errors/invalid-argument-error.js';
export { PookInvalidBodyError } from '../core/errors/invalid-body-error.js';
export { isPookError, PookError } from '../core/errors/pook-error.js';
export { PookRequest } from '../core/pook-request.js';
export { Engine } from '../engine/engine.js';
export { PookCallCountError } from '../engine/errors/call-count-error.js';
export { PookNoMatchesError } from '../engine/errors/no-matches-error.js';
export { PookPendingMocksError } from '../engine/errors/pending-mocks-error.js';
export { PookUnmatchedRequestsError } from '../engine/errors/unmatched-requests-error.js';
export { Mock } from '../engine/mock.js';
export { PookResponse } from '../engine/pook-response.js';
export { FetchInterceptor } from '../interceptors/fetch/fetch-interceptor.js';
export { HttpInterceptor } from '../interceptors/http/http-interceptor.js';
export { UndiciInterceptor } from '../interceptors/undici/undici-interceptor.js';
export { XhrInterceptor } from '../interceptors/xhr/xhr-interceptor.js';
