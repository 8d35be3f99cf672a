// pook/server: the mock server (docs/server.md). `pook serve` runs it from
// the command line.

export { PookMockFileError } from './errors/mock-file-error.js';
export { type LoadMockFilesOptions, loadMockFiles } from './mock-files.js';
export { mockFileSchema } from './mock-schema.js';
export { openApiDocument } from './openapi.js';
export type { WireBytes, WireLocation, WireRegExp } from './protocol/definition.js';
export type {
  ErrorBody,
  MockRecord,
  NearMissRecord,
  NetworkBody,
  PendingBody,
  RequestRecord,
  ResultRecord,
  UnmatchedBody,
  UnmatchedRecord,
} from './protocol/messages.js';
export { type PookServer, type ServeOptions, serve } from './serve.js';
export type { ServerEvent, ServerLog } from './server-events.js';
export type { TlsCredentials } from './tls.js';
