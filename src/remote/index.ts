// pook/remote: drives the mocks of a mock server (`pook serve`) from
// another process, with the DSL of in-process pook (docs/server.md).

export type { WireLocation } from '../server/protocol/definition.js';
export type { MockRecord, NearMissRecord, NetworkBody, RequestRecord, ResultRecord, UnmatchedRecord } from '../server/protocol/messages.js';
export type { AdminTarget } from './admin-client.js';
export { type ConnectOptions, connect, PookRemote } from './connect.js';
export { type RemoteDefinition, RemoteMock, type RemoteQueue, RemoteResponse } from './remote-mock.js';
