import { describe, expect, it } from 'vitest';
import { Mock } from '../../src/index.js';
import { JsonMatcher } from '../../src/matchers/json.js';
import { invalidArgument, request } from './support.js';

const post = (body?: string) => request({ url: 'http://a.test/', method: 'POST', headers: { 'content-type': 'application/json' }, body });

describe('json matcher', () => {
  it('deep equality ignores key order', () => {
    expect(new JsonMatcher({ a: 1, b: { c: [1, 2], d: null } }).match(post('{"b":{"d":null,"c":[1,2]},"a":1}')).pass).toBe(true);
  });

  it('array order counts', () => {
    const result = new JsonMatcher({ tags: ['a', 'b'] }).match(post('{"tags":["b","a"]}'));
    expect(result).toMatchObject({ pass: false, expectation: 'json', expected: { tags: ['a', 'b'] }, actual: { tags: ['b', 'a'] } });
    expect(result.reason).toContain('$.tags[0]: expected "a", got "b"');
  });

  it('reports changed, missing and unexpected keys with their path', () => {
    const result = new JsonMatcher({ name: 'ada', age: 36, nested: { x: 1 } }).match(post('{"name":"bob","nested":{"x":1,"y":2},"extra":true}'));
    expect(result.pass).toBe(false);
    expect(result.reason).toContain('$.name: expected "ada", got "bob"');
    expect(result.reason).toContain('$.age: missing key (expected 36)');
    expect(result.reason).toContain('$.nested.y: extra key (got 2)');
    expect(result.reason).toContain('$.extra: extra key (got true)');
    expect(result.differences).toEqual([
      { path: '$.name', kind: 'changed', expected: 'ada', actual: 'bob' },
      { path: '$.age', kind: 'missing', expected: 36 },
      { path: '$.nested.y', kind: 'extra', actual: 2 },
      { path: '$.extra', kind: 'extra', actual: true },
    ]);
  });

  it('extra or missing array elements fail', () => {
    expect(new JsonMatcher([1, 2]).match(post('[1,2,3]')).reason).toContain('$[2]: extra item (got 3)');
    expect(new JsonMatcher([1, 2, 3]).match(post('[1,2]')).reason).toContain('$[2]: missing item (expected 3)');
  });

  it('types count: 1 is not "1", null is not {}', () => {
    expect(new JsonMatcher({ id: 1 }).match(post('{"id":"1"}')).pass).toBe(false);
    expect(new JsonMatcher({ a: null }).match(post('{"a":{}}')).pass).toBe(false);
    expect(new JsonMatcher([]).match(post('{}')).pass).toBe(false);
  });

  it('a string is parsed first', () => {
    expect(new JsonMatcher('{"b":2,"a":1}').match(post('{"a":1,"b":2}')).pass).toBe(true);
    expect(new JsonMatcher('[1, 2]').match(post('[1,2]')).pass).toBe(true);
  });

  it('scalars and null are JSON too', () => {
    expect(new JsonMatcher(42).match(post('42')).pass).toBe(true);
    expect(new JsonMatcher(null).match(post('null')).pass).toBe(true);
    expect(new JsonMatcher(true).match(post('false')).pass).toBe(false);
  });

  it('a RegExp is tested against the raw text, not the parsed value', () => {
    expect(new JsonMatcher(/"name":\s*"ada"/).match(post('{"name": "ada"}')).pass).toBe(true);
    expect(new JsonMatcher(/"name":"ada"/).match(post('{"name": "ada"}'))).toMatchObject({ pass: false, actual: '{"name": "ada"}' });
    expect(new JsonMatcher(/^not json$/).match(post('not json')).pass).toBe(true);
  });

  it('a body that is not JSON fails with a clear reason', () => {
    const result = new JsonMatcher({ a: 1 }).match(post('a=1'));
    expect(result).toMatchObject({ pass: false, expectation: 'json', actual: 'a=1' });
    expect(result.reason).toBe('the body is not valid JSON (starts with "a=1")');
    expect(new JsonMatcher({ a: 1 }).match(post()).reason).toBe('the body is empty, not JSON');
  });

  it('json() and the option agree', () => {
    const req = post('{"a":2}');
    expect(new Mock().json({ a: 1 }).explain(req).results).toEqual(new Mock({ json: { a: 1 } }).explain(req).results);
    expect(new Mock({ json: { a: 2 } }).explain(req).failures).toBe(0);
  });

  it('rejects a string that is not JSON', () => {
    invalidArgument(() => new Mock().json('{a:1}'), 'json');
  });

  it('rejects non-serialisable values: BigInt, circular, undefined', () => {
    invalidArgument(() => new Mock().json({ n: 10n }), 'json');
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    invalidArgument(() => new Mock().json(circular), 'json');
    invalidArgument(() => new Mock({ json: [1n] }), 'json');
    invalidArgument(() => new Mock().json(undefined as unknown as null), 'json');
  });
});
