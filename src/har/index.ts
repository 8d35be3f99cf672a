// pook/har: record real traffic into HAR 1.2 files and replay HAR files as
// mocks (docs/record-and-replay.md). Built on pook's public surface only: in
// the build, '../index.js' is the package 'pook' itself, so these functions
// act on the same engine as the tests that import 'pook'.

export type { CassetteMode, CassetteOptions, WithCassetteOptions } from './cassette.js';
export { CASSETTE_ENV, Cassette, cassette, cassetteMode, withCassette } from './cassette.js';
export { CASSETTES_FOLDER, cassetteName, cassettePath } from './cassette-name.js';
export { checkHar, isHar } from './har-check.js';
export type { Har, HarContent, HarCookie, HarEntry, HarNameValue, HarPostData, HarRequest, HarResponse, HarTimings } from './har-format.js';
export type { HarTextOptions } from './har-json.js';
export { harOf, harText } from './har-json.js';
export type { LoadHarOptions, MatchBy } from './har-mocks.js';
export { loadHar } from './har-mocks.js';
export type { RecordOptions } from './har-recorder.js';
export { HarRecorder, record } from './har-recorder.js';
export type { HarSource } from './har-source.js';
export { readHar } from './har-source.js';
export type { RedactOptions } from './redaction.js';
export { REDACTED, redactEntry, SECRET_HEADERS, SECRET_PARAMS } from './redaction.js';
