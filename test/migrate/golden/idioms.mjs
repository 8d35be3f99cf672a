// Idioms the codemod translates by rule, and those it leaves with a
// TODO(pook): this file is only rewritten and compared (golden), not run.
import pook from 'pook';

pook.activate();

const base = process.env.API ?? 'https://api.test';

export function define() {
  pook.origin(base).mock('/things', { method: 'PATCH' }).json({ a: 1 }).reply(204);
  pook.origin(base).get(/.*/).addMatcher((request) => Boolean(((uri) => uri.startsWith('/users/'))(request.url.pathname + request.url.search))).reply(200, 'user');
  // TODO(pook): query function: it gets the parameters as Object.fromEntries(searchParams) (the last value of a repeated key)
  pook.origin(base).get('/search').addMatcher((request) => Boolean(((query) => query.q === 'pook')(Object.fromEntries(request.url.searchParams)))).reply(200, { json: { json: true } });
  pook.origin(base).get('/v').addMatcher((request) => Boolean(((value) => Number(value) > 2)(request.headers.get('x-version') ?? ''))).reply(200);
  // TODO(pook): request body function: it gets request.json (a body that is not JSON fails the match); use request.text for text
  pook.origin(base).post('/form').addMatcher((request) => Boolean(((body) => body.a === 'b')(request.json))).reply(200);
  // TODO(pook): allowUnmocked: pook.enableNetwork() lets unmatched requests through
  pook.origin(base).get('/public').headerAbsent('cookie').reply(200, 'ok');
  pook.origin(base).get('/data').reply(200, { file: './data.json', headers: { 'Content-Type': 'application/json' } });
  pook.origin(base).get('/refused').error('ECONNREFUSED');
  // TODO(pook): replyWithError(object): pook fails with an Error, or a network error code such as ECONNRESET
  pook.origin(base).get('/odd').error(Object.assign(new Error('replyWithError'), { message: 'odd', detail: 1 }));
  // TODO(pook): reply(fn): a pook reply function gets (request, mock) and returns { status, headers, body, json }
  pook.origin(base).get('/computed').reply((uri, requestBody) => [200, { uri, requestBody }]);
  // TODO(pook): .delay({ head, body }): pook delays the whole response: .delay(ms)
  pook.origin(base).get('/slow').reply(200);
  // TODO(pook): reply body payload(): sent as JSON; if it is a string or a Buffer, write .reply(status, payload())
  pook.origin(base).get('/payload').reply(200, { json: payload() }, { 'X-A': '1' });
  // TODO(pook): scope.defaultReplyHeaders(): give each reply its headers
  pook.origin(base).get('/h').reply(200);
  const scope = pook.origin(base);
  scope.get('/one').reply(200);
  scope.get('/two').reply(200);
  pook.enableNetwork();
  pook.useNetworkFilter((request) => Boolean(((host) => host.includes('localhost'))(request.url.host)));
  // TODO(pook): nock.back: pook has no recorder: write the mocks, or record with a script; see docs/migrating/nock.md
  nock.back.setMode('record');
  return scope;
}

function payload() {
  return { ok: true };
}

export const pending = () => pook.pendingMocks().map((mock) => mock.label);
