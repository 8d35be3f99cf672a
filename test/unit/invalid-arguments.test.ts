import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import pook, { type MockOptions, PookError, PookInvalidArgumentError } from '../../src/index.js';
import { invalidArgument } from './support.js';

// SPEC §7: bad input fails where the mock is defined, as a
// PookInvalidArgumentError whose `argument` names the argument or options key.

afterEach(() => pook.off());

const missingFile = join(mkdtempSync(join(tmpdir(), 'pook-invalid-')), 'missing.json');
const circular = (): Record<string, unknown> => {
  const value: Record<string, unknown> = { a: 1 };
  value.self = value;
  return value;
};

describe('invalid arguments are rejected at definition time', () => {
  it('is a PookError with the stable code and a sentence naming the argument', () => {
    const error = invalidArgument(() => pook.get(''), 'url');
    expect(error).toBeInstanceOf(PookError);
    expect(error.message).toMatch(/^pook: invalid argument "url": .+\.$/);
  });

  it('empty URL', () => {
    invalidArgument(() => pook.get(''), 'url');
    invalidArgument(() => pook.mock({ url: ' ' }), 'url');
    invalidArgument(() => pook.get('api.test').url(''), 'url');
  });

  it('unparsable URL', () => {
    invalidArgument(() => pook.get('http://'), 'url');
    invalidArgument(() => pook.post('https://exa mple.test/'), 'url');
    invalidArgument(() => pook.get('api.test:70000'), 'url');
    invalidArgument(() => pook.get('ws://api.test/'), 'url');
  });

  it('status outside 100–599', () => {
    invalidArgument(() => pook.get('api.test').reply(99), 'reply');
    invalidArgument(() => pook.get('api.test').reply(600), 'reply');
    invalidArgument(() => pook.get('api.test').reply(200).status(1000), 'status');
    invalidArgument(() => pook.get('api.test', { reply: 42 }), 'reply');
  });

  it('CR or LF in request expectation headers', () => {
    invalidArgument(() => pook.get('api.test').header('X-A\r\nX-B', '1'), 'header');
    invalidArgument(() => pook.get('api.test').header('X-A', 'v\r\nX-B: 1'), 'header "X-A"');
    invalidArgument(() => pook.get('api.test', { headers: { 'X-A': 'v\n' } }), 'header "X-A"');
    invalidArgument(() => pook.get('api.test').headerPresent('X-A\r'), 'headerPresent');
    invalidArgument(() => pook.get('api.test').headerAbsent('X-A\n'), 'headerAbsent');
  });

  it('CR or LF in response headers', () => {
    invalidArgument(() => pook.get('api.test').reply(200).header('X-A\n', '1'), 'header');
    invalidArgument(() => pook.get('api.test').reply(200).header('X-A', '1\r\nSet-Cookie: x=1'), 'header "X-A"');
    invalidArgument(() => pook.get('api.test').reply(200).set('X-A', '\n'), 'header "X-A"');
    invalidArgument(() => pook.get('api.test').reply(200).headers({ 'X-A\r': '1' }), 'header');
    invalidArgument(() => pook.get('api.test', { responseHeaders: { 'X-A': ['ok', 'bad\r\n'] } }), 'header "X-A"');
  });

  it('non-serialisable JSON in json() and responseJson', () => {
    invalidArgument(() => pook.post('api.test').json({ id: 1n }), 'json');
    invalidArgument(() => pook.post('api.test').json(circular()), 'json');
    invalidArgument(() => pook.post('api.test', { json: circular() }), 'json');
    invalidArgument(() => pook.get('api.test').reply(200).json({ id: 1n }), 'json');
    invalidArgument(() => pook.get('api.test').reply(200).json(circular()), 'json');
    invalidArgument(() => pook.get('api.test', { responseJson: 1n }), 'json');
    invalidArgument(() => pook.get('api.test', { responseJson: circular() }), 'json');
  });

  it('invalid JSON Schema', () => {
    invalidArgument(() => pook.post('api.test').jsonSchema({ type: 'integer', minimum: 'zero' }), 'jsonSchema');
    invalidArgument(() => pook.post('api.test', { jsonSchema: { properties: 1 } }), 'jsonSchema');
  });

  it('unreadable file in file() and the response file()', () => {
    const error = invalidArgument(() => pook.post('api.test').file(missingFile), 'file');
    expect(error.message).toContain(missingFile);
    expect(error.cause).toMatchObject({ code: 'ENOENT' });
    invalidArgument(() => pook.get('api.test').reply(200).file(missingFile), 'file');
    invalidArgument(() => pook.post('api.test', { file: missingFile }), 'file');
    invalidArgument(() => pook.get('api.test', { responseFile: missingFile }), 'file');
  });

  it('unknown options key', () => {
    invalidArgument(() => pook.get('api.test', { header: { a: '1' } } as unknown as MockOptions), 'header');
    invalidArgument(() => pook.mock({ url: 'api.test', statusCode: 200 } as unknown as MockOptions), 'statusCode');
  });

  it('bad times values', () => {
    for (const bad of [0, -1, 2.5, Number.NaN, '3']) {
      invalidArgument(() => pook.get('api.test').times(bad as number), 'times');
      invalidArgument(() => pook.get('api.test', { times: bad as number }), 'times');
    }
  });

  it('bad delay values', () => {
    for (const bad of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '100']) {
      invalidArgument(() => pook.get('api.test').delay(bad as number), 'delay');
      invalidArgument(() => pook.get('api.test', { delay: bad as number }), 'delay');
    }
  });

  it('an empty expectation list: it would hold for every request', () => {
    invalidArgument(() => pook.get('api.test').headerPresent(), 'headerPresent');
    invalidArgument(() => pook.get('api.test').headersPresent([]), 'headersPresent');
    invalidArgument(() => pook.get('api.test').headerAbsent(), 'headerAbsent');
    invalidArgument(() => pook.get('api.test').headers({}), 'headers');
    invalidArgument(() => pook.get('api.test').params({}), 'params');
    invalidArgument(() => pook.get('api.test').use(), 'use');
    invalidArgument(() => pook.get('api.test', { headerPresent: [] }), 'headerPresent');
    invalidArgument(() => pook.get('api.test', { headerAbsent: [] }), 'headerAbsent');
    invalidArgument(() => pook.get('api.test', { paramExists: [] }), 'paramExists');
    invalidArgument(() => pook.get('api.test', { headers: {} }), 'headers');
    invalidArgument(() => pook.get('api.test', { params: {} }), 'params');
    invalidArgument(() => pook.get('api.test', { use: [] }), 'use');
    const error = invalidArgument(() => pook.get('api.test').headersPresent([]), 'headersPresent');
    expect(error.message).toBe('pook: invalid argument "headersPresent": expected at least one header name, got none.');
  });

  it('a query value list with nothing in it: no request parameter has no value', () => {
    invalidArgument(() => pook.get('api.test').param('tag', []), 'param "tag"');
    invalidArgument(() => pook.get('api.test', { params: { tag: [] } }), 'param "tag"');
  });

  it('a Content-Type that is neither an alias nor a media type', () => {
    for (const bad of ['jsn', 'json5', 'application', 'application/', '/json', 'text/plain;', 'text/plain; charset', 'a b/c', '']) {
      invalidArgument(() => pook.post('api.test').type(bad), 'type');
      invalidArgument(() => pook.post('api.test', { type: bad }), 'type');
      invalidArgument(() => pook.get('api.test').reply(200).type(bad), 'type');
      invalidArgument(() => pook.get('api.test', { responseType: bad }), 'type');
    }
    const typo = invalidArgument(() => pook.post('api.test').type('jsn'), 'type');
    expect(typo.message).toContain('"jsn" is neither a media type');
    expect(typo.message).toContain('json, xml, html, text, form, form-data, urlencoded');
  });

  it('a media range is not a Content-Type', () => {
    for (const range of ['*/*', 'text/*', '*/json']) {
      const error = invalidArgument(() => pook.post('api.test').type(range), 'type');
      expect(error.message).toContain('is a media range');
      invalidArgument(() => pook.get('api.test').reply(200).type(range), 'type');
    }
  });

  it('a bad options object leaves nothing registered', () => {
    const before = pook.engine().mocks.length;
    for (const options of [{ path: '' }, { times: 0 }, { reply: 99 }, { unknown: 1 }] as MockOptions[]) {
      expect(() => pook.get('api.test', options)).toThrow(PookInvalidArgumentError);
    }
    expect(pook.engine().mocks.length).toBe(before);
  });

  it('no request is needed to see the error: pook need not be active', () => {
    expect(pook.isActive()).toBe(false);
    expect(() => pook.get('api.test').reply(700)).toThrow(PookInvalidArgumentError);
  });
});
