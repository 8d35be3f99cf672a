import type { IncomingMessage, ServerResponse } from 'node:http';
import { PookInvalidArgumentError } from '../core/errors/invalid-argument-error.js';
import { isPookError } from '../core/errors/pook-error.js';
import type { Engine } from '../engine/engine.js';
import type { Mock } from '../engine/mock.js';
import { mockFromDefinition } from './define-mock.js';
import type { MockRegistry } from './mock-registry.js';
import { openApiDocument } from './openapi.js';
import { ADMIN_PREFIX, type ErrorBody, type NetworkBody, type PendingBody, type UnmatchedBody, type UnmatchedRecord } from './protocol/messages.js';
import { requestRecord } from './records.js';

// The admin API (docs/server.md, "Admin API"): JSON over HTTP under
// /__pook, described by the OpenAPI document it serves itself. Bad input is
// a 4xx naming the field, and changes nothing: a list of definitions is
// added whole or not at all.

/** What the admin API reads and changes: the server's state. */
export interface AdminContext {
  readonly engine: Engine;
  readonly registry: MockRegistry;
  /** The unmatched requests, oldest first, with their near misses. */
  unmatched(): readonly UnmatchedRecord[];
  /** Resets the engine and the journal, then loads the mock files again. */
  reset(): Promise<void>;
  /** Whether networking is on, and the upstream. */
  network(): NetworkBody;
  /** Turns networking on or off. */
  setNetwork(enabled: boolean): void;
  /** The token the admin API requires, if any. */
  readonly token: string | undefined;
}

/** Sends a JSON body. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
  res.end(text);
}

/** An admin API error: the error's name, code and message, and the field at fault. */
function errorBody(error: Error, entry?: number): ErrorBody {
  const argument = (error as { argument?: unknown }).argument;
  return {
    error: {
      name: error.name,
      code: isPookError(error) ? error.code : 'POOK_ERROR',
      message: error.message,
      ...(typeof argument === 'string' ? { argument } : {}),
      ...(entry === undefined ? {} : { entry }),
    },
  };
}

function fail(res: ServerResponse, status: number, argument: string, problem: string): void {
  sendJson(res, status, errorBody(new PookInvalidArgumentError(argument, problem)));
}

function parseJson(res: ServerResponse, body: Uint8Array | undefined): { ok: true; value: unknown } | { ok: false } {
  const text = body === undefined ? '' : Buffer.from(body).toString('utf8');
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    fail(res, 400, 'body', `the request body is not valid JSON (${text.length === 0 ? 'it is empty' : (error as Error).message})`);
    return { ok: false };
  }
}

/** The definitions of a `POST /__pook/mocks` body: one, a list, or `{ mocks: [...] }`. */
function definitionsOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'object' && value !== null && Object.keys(value).length === 1 && Array.isArray((value as { mocks?: unknown }).mocks)) {
    return (value as { mocks: unknown[] }).mocks;
  }
  return [value];
}

function historyOf(mock: Mock): ReturnType<typeof requestRecord>[] {
  return mock.matches.map((request) => requestRecord(request));
}

/**
 * Answers an admin API request (its path starts with `/__pook`).
 * @param path - the request's path, without the query
 */
export async function handleAdmin(context: AdminContext, req: IncomingMessage, res: ServerResponse, path: string, body: Uint8Array | undefined): Promise<void> {
  if (context.token !== undefined && req.headers.authorization !== `Bearer ${context.token}` && path !== `${ADMIN_PREFIX}/health`) {
    sendJson(
      res,
      401,
      errorBody(
        new PookInvalidArgumentError(
          'authorization',
          'the admin API needs the header "Authorization: Bearer <token>" (the server printed its token when it started)',
        ),
      ),
    );
    return;
  }
  const { engine, registry } = context;
  const method = req.method ?? 'GET';
  const route = path.slice(ADMIN_PREFIX.length).replace(/\/$/, '') || '/';
  const mockRoute = /^\/mocks\/([^/]+)(\/calls)?$/.exec(route);

  if (route === '/health' && method === 'GET') return sendJson(res, 200, { ok: true });
  if (route === '/openapi.json' && method === 'GET') return sendJson(res, 200, openApiDocument());
  if (route === '/mocks' && method === 'GET') return sendJson(res, 200, { mocks: engine.mocks.map((mock) => registry.record(mock)) });
  if (route === '/mocks' && method === 'POST') {
    const parsed = parseJson(res, body);
    if (!parsed.ok) return;
    const definitions = definitionsOf(parsed.value);
    const made: Mock[] = [];
    for (const [index, definition] of definitions.entries()) {
      try {
        made.push(mockFromDefinition(definition));
      } catch (error) {
        if (!isPookError(error)) throw error;
        return sendJson(res, 400, errorBody(error, definitions.length === 1 && !Array.isArray(parsed.value) ? undefined : index));
      }
    }
    registry.add(made);
    return sendJson(res, 201, { mocks: made.map((mock) => registry.record(mock)) });
  }
  if (route === '/mocks' && method === 'DELETE') {
    for (const mock of [...engine.mocks]) registry.remove(mock);
    res.writeHead(204).end();
    return;
  }
  if (mockRoute !== null) {
    const mock = registry.get(decodeURIComponent(mockRoute[1]!));
    if (mock === undefined) return fail(res, 404, 'id', `no mock with id ${JSON.stringify(mockRoute[1])}`);
    if (mockRoute[2] !== undefined && method === 'GET') return sendJson(res, 200, { calls: mock.calls, requests: historyOf(mock) });
    if (mockRoute[2] === undefined && method === 'GET') return sendJson(res, 200, { ...registry.record(mock), requests: historyOf(mock) });
    if (mockRoute[2] === undefined && method === 'DELETE') {
      registry.remove(mock);
      res.writeHead(204).end();
      return;
    }
  }
  if (route === '/pending' && method === 'GET') {
    const pending = engine.pendingMocks();
    let message: string | undefined;
    try {
      engine.assertDone();
    } catch (error) {
      message = (error as Error).message;
    }
    const reply: PendingBody = {
      done: pending.length === 0,
      mocks: pending.map((mock) => registry.record(mock)),
      ...(message === undefined ? {} : { message }),
    };
    return sendJson(res, 200, reply);
  }
  if (route === '/unmatched' && method === 'GET') {
    let message: string | undefined;
    try {
      engine.assertNoUnmatched();
    } catch (error) {
      message = (error as Error).message;
    }
    const reply: UnmatchedBody = { requests: context.unmatched(), ...(message === undefined ? {} : { message }) };
    return sendJson(res, 200, reply);
  }
  if (route === '/reset' && method === 'POST') {
    await context.reset();
    return sendJson(res, 200, { mocks: engine.mocks.map((mock) => registry.record(mock)) });
  }
  if (route === '/network' && method === 'GET') return sendJson(res, 200, context.network());
  if (route === '/network' && method === 'PUT') {
    const parsed = parseJson(res, body);
    if (!parsed.ok) return;
    const value = parsed.value as Record<string, unknown> | null;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail(res, 400, 'body', 'expected an object { "enabled": true | false }');
    const unknown = Object.keys(value).find((key) => key !== 'enabled');
    if (unknown !== undefined) return fail(res, 400, unknown, 'unknown field (known: enabled)');
    if (typeof value.enabled !== 'boolean') return fail(res, 400, 'enabled', `expected true or false, got ${JSON.stringify(value.enabled)}`);
    context.setNetwork(value.enabled);
    return sendJson(res, 200, context.network());
  }
  const known = ['/health', '/openapi.json', '/mocks', '/mocks/{id}', '/mocks/{id}/calls', '/pending', '/unmatched', '/reset', '/network'];
  const exists = known.some((pattern) => new RegExp(`^${pattern.replace(/\{id\}/, '[^/]+').replace(/\./g, '\\.')}$`).test(route));
  if (exists) return fail(res, 405, 'method', `${method} is not allowed on ${path} (see ${ADMIN_PREFIX}/openapi.json)`);
  return fail(res, 404, 'path', `${path} is not part of the admin API (see ${ADMIN_PREFIX}/openapi.json)`);
}
