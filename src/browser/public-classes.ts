// The classes and the type guard of the browser build's public surface:
// those of the Node entry (src/api/public-classes.ts) but the interceptors
// of node:http and undici. test/browser/bundle.test.ts checks that the two
// lists differ by exactly those.

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
export { XhrInterceptor } from '../interceptors/xhr/xhr-interceptor.js';
