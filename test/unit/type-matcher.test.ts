import { describe, expect, it } from 'vitest';
import { Mock, PookInvalidArgumentError } from '../../src/index.js';
import { ContentTypeMatcher } from '../../src/matchers/content-type.js';
import { invalidArgument, request } from './support.js';

const typed = (contentType?: string) =>
  request({ url: 'http://a.test/', method: 'POST', ...(contentType === undefined ? {} : { headers: { 'content-type': contentType } }) });

describe('type matcher', () => {
  it.each([
    ['json', 'application/json'],
    ['xml', 'application/xml'],
    ['html', 'text/html'],
    ['text', 'text/plain'],
    ['form', 'application/x-www-form-urlencoded'],
    ['form-data', 'application/x-www-form-urlencoded'],
    ['urlencoded', 'application/x-www-form-urlencoded'],
  ])('alias %s means %s', (alias, mediaType) => {
    const matcher = new ContentTypeMatcher(alias);
    expect(matcher.type).toBe(mediaType);
    expect(matcher.match(typed(mediaType)).pass).toBe(true);
    expect(matcher.match(typed('application/octet-stream'))).toMatchObject({
      pass: false,
      expectation: 'content-type',
      expected: mediaType,
      actual: 'application/octet-stream',
    });
  });

  it('aliases are case-insensitive', () => {
    expect(new ContentTypeMatcher('JSON').match(typed('application/json')).pass).toBe(true);
  });

  it('a type without parameters ignores the request parameters and case', () => {
    expect(new ContentTypeMatcher('json').match(typed('application/json; charset=utf-8')).pass).toBe(true);
    expect(new ContentTypeMatcher('application/json').match(typed('Application/JSON')).pass).toBe(true);
  });

  it('a type with parameters must equal them', () => {
    const matcher = new ContentTypeMatcher('text/plain; charset=utf-8');
    expect(matcher.match(typed('text/plain;charset=utf-8')).pass).toBe(true);
    expect(matcher.match(typed('text/plain; charset=latin1')).pass).toBe(false);
    expect(matcher.match(typed('text/plain')).pass).toBe(false);
  });

  it('a full media type is compared as is', () => {
    expect(new ContentTypeMatcher('application/vnd.api+json').match(typed('application/vnd.api+json')).pass).toBe(true);
    expect(new ContentTypeMatcher('application/vnd.api+json').match(typed('application/json')).pass).toBe(false);
  });

  it('a missing Content-Type fails', () => {
    expect(new ContentTypeMatcher('json').match(typed())).toMatchObject({ pass: false, expected: 'application/json', actual: undefined });
  });

  it('type() and the option agree', () => {
    const req = typed('text/html');
    expect(new Mock().type('json').explain(req).results).toEqual(new Mock({ type: 'json' }).explain(req).results);
    expect(new Mock({ type: 'html' }).explain(req).failures).toBe(0);
  });

  it('accepts any media type, with parameters, quoted or not, and trims it', () => {
    for (const type of ['application/vnd.api+json', 'multipart/form-data; boundary=----x1', 'text/plain;charset="utf-8"', 'Text/HTML', ' application/json ']) {
      expect(() => new ContentTypeMatcher(type)).not.toThrow();
    }
    expect(new ContentTypeMatcher(' application/json ').type).toBe('application/json');
    expect(new ContentTypeMatcher('multipart/form-data; boundary=----x1').match(typed('multipart/form-data;boundary=----x1')).pass).toBe(true);
  });

  it('rejects a typo, a word without "/" and a media range where it is written', () => {
    invalidArgument(() => new ContentTypeMatcher('jsn'), 'type');
    invalidArgument(() => new Mock().type('plain'), 'type');
    invalidArgument(() => new Mock({ type: 'text/*' }), 'type');
  });

  it('rejects a value with CR or LF', () => {
    invalidArgument(() => new Mock().type('json\r\nx: y'), 'type');
  });

  it('a name of an Object.prototype member is no alias: refused where written, like any word without "/"', () => {
    for (const type of ['__proto__', 'constructor', 'toString']) {
      expect(() => new ContentTypeMatcher(type)).toThrow(PookInvalidArgumentError);
      expect(() => new ContentTypeMatcher(type)).toThrow(/invalid argument "type".*neither a media type/);
    }
  });
});
