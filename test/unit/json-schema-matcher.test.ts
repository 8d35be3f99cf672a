import { describe, expect, it } from 'vitest';
import { Mock } from '../../src/index.js';
import { JsonSchemaMatcher } from '../../src/matchers/json-schema.js';
import { invalidArgument, request } from './support.js';

const post = (body?: string) => request({ url: 'http://a.test/', method: 'POST', body });

const user = {
  type: 'object',
  required: ['id', 'name'],
  properties: { id: { type: 'integer' }, name: { type: 'string', minLength: 1 }, email: { type: 'string', format: 'email' } },
};

describe('jsonSchema matcher', () => {
  it('passes a body valid against the schema', () => {
    expect(new JsonSchemaMatcher(user).match(post('{"id":1,"name":"ada"}')).pass).toBe(true);
  });

  it('gives every validation error as the reason', () => {
    const result = new JsonSchemaMatcher(user).match(post('{"id":"1"}'));
    expect(result).toMatchObject({ pass: false, expectation: 'json schema', expected: user, actual: { id: '1' } });
    expect(result.reason).toBe('$.name: missing key (required); $.id: expected type integer, got "1"');
  });

  it('checks formats', () => {
    const result = new JsonSchemaMatcher(user).match(post('{"id":1,"name":"ada","email":"nope"}'));
    expect(result.pass).toBe(false);
    expect(result.reason).toBe('$.email: must match format "email" (format), got "nope"');
  });

  it('a body that is not JSON fails with a reason', () => {
    const result = new JsonSchemaMatcher(user).match(post('<xml/>'));
    expect(result).toMatchObject({ pass: false, expected: 'a JSON body', actual: '<xml/>' });
    expect(result.reason).toMatch(/not valid JSON/);
  });

  it('accepts the schema as JSON text', () => {
    expect(new JsonSchemaMatcher(JSON.stringify(user)).match(post('{"id":1,"name":"x"}')).pass).toBe(true);
  });

  it('uses draft 2020-12 by default (prefixItems)', () => {
    const tuple = new JsonSchemaMatcher({ type: 'array', prefixItems: [{ type: 'string' }, { type: 'number' }], items: false });
    expect(tuple.match(post('["a",1]')).pass).toBe(true);
    expect(tuple.match(post('[1,"a"]')).pass).toBe(false);
    expect(tuple.match(post('["a",1,2]')).pass).toBe(false);
  });

  it('uses draft-07 when $schema says so (array items)', () => {
    const schema = {
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'array',
      items: [{ type: 'string' }, { type: 'number' }],
      additionalItems: false,
    };
    const tuple = new JsonSchemaMatcher(schema);
    expect(tuple.match(post('["a",1]')).pass).toBe(true);
    expect(tuple.match(post('[1,"a"]')).pass).toBe(false);
    // the same tuple form is not a valid 2020-12 schema
    const { $schema: _, ...unversioned } = schema;
    invalidArgument(() => new JsonSchemaMatcher(unversioned), 'jsonSchema');
  });

  it('accepts an explicit 2020-12 $schema', () => {
    const schema = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      $defs: { id: { type: 'integer' } },
      properties: { id: { $ref: '#/$defs/id' } },
    };
    expect(new JsonSchemaMatcher(schema).match(post('{"id":1}')).pass).toBe(true);
    expect(new JsonSchemaMatcher(schema).match(post('{"id":"x"}')).pass).toBe(false);
  });

  it('two mocks may use schemas with the same $id', () => {
    const schema = JSON.stringify({ $id: 'https://schemas.test/user', type: 'object', required: ['id'] });
    const first = new Mock().jsonSchema(schema);
    const second = new Mock().jsonSchema(schema);
    const third = new Mock().jsonSchema({ $id: 'https://schemas.test/user', type: 'object', required: ['name'] });
    expect(first.explain(post('{"id":1}')).failures).toBe(0);
    expect(second.explain(post('{"id":1}')).failures).toBe(0);
    expect(third.explain(post('{"id":1}')).failures).toBe(1);
  });

  it('jsonSchema() and the option agree', () => {
    const req = post('{}');
    expect(new Mock().jsonSchema(user).explain(req).results).toEqual(new Mock({ jsonSchema: user }).explain(req).results);
  });

  it('rejects an invalid schema at definition time', () => {
    const error = invalidArgument(() => new Mock().jsonSchema({ type: 'nope' }), 'jsonSchema');
    expect(error.message).toMatch(/invalid JSON Schema/);
    invalidArgument(() => new Mock().jsonSchema({ type: 'object', required: 'id' }), 'jsonSchema');
    invalidArgument(() => new Mock().jsonSchema('{not json'), 'jsonSchema');
    invalidArgument(() => new Mock().jsonSchema([] as unknown as object), 'jsonSchema');
    invalidArgument(() => new Mock({ jsonSchema: { minLength: -1 } }), 'jsonSchema');
  });

  it('names the offending property of each keyword, in the json() path notation, with the full values kept', () => {
    const schema = {
      type: 'object',
      required: ['id'],
      additionalProperties: false,
      properties: {
        tags: { type: 'array', items: { type: 'string' } },
        status: { enum: ['open', 'closed'] },
        'a.b': { type: 'string' },
        'x/y': { type: 'object', properties: { n: { type: ['integer', 'null'] } } },
        note: { type: 'string' },
      },
    };
    const long = 'n'.repeat(500);
    const result = new JsonSchemaMatcher(schema).match(post(JSON.stringify({ tags: ['a', 3], status: 'lost', extra: long, 'a.b': 2, 'x/y': { n: 'one' } })));
    expect(result.pass).toBe(false);
    expect(result.differences).toEqual([
      { path: '$.id', kind: 'missing', reason: 'missing key (required)' },
      { path: '$.extra', kind: 'extra', actual: long, reason: 'extra key (additionalProperties: false)' },
      { path: '$.tags[1]', kind: 'changed', expected: 'string', actual: 3, reason: 'expected type string' },
      { path: '$.status', kind: 'changed', expected: ['open', 'closed'], actual: 'lost', reason: 'expected one of "open", "closed"' },
      { path: '$["a.b"]', kind: 'changed', expected: 'string', actual: 2, reason: 'expected type string' },
      { path: '$["x/y"].n', kind: 'changed', expected: ['integer', 'null'], actual: 'one', reason: 'expected type integer or null' },
    ]);
    expect(result.reason).toContain('$.tags[1]: expected type string, got 3');
    expect(result.reason).toContain('$["x/y"].n: expected type integer or null, got "one"');
  });

  it('const, unevaluatedProperties and other keywords say what failed', () => {
    const schema = { type: 'object', properties: { v: { const: 1 }, n: { minimum: 3 } }, unevaluatedProperties: false };
    const result = new JsonSchemaMatcher(schema).match(post('{"v":2,"n":1,"zz":true}'));
    expect(result.reason).toBe('$.v: expected 1, got 2; $.n: must be >= 3 (minimum), got 1; $.zz: extra key (unevaluatedProperties: false), got true');
  });

  it('supports draft-06, draft-07, 2019-09 and 2020-12, each with its own rules', () => {
    const draft06 = { $schema: 'http://json-schema.org/draft-06/schema#', type: 'object', required: ['id'] };
    expect(new JsonSchemaMatcher(draft06).match(post('{"id":1}')).pass).toBe(true);
    expect(new JsonSchemaMatcher(draft06).match(post('{}')).pass).toBe(false);
    // dependentRequired is a 2019-09 keyword: the draft-07 class ignores it.
    const dependent = { type: 'object', dependentRequired: { card: ['cvv'] } };
    expect(new JsonSchemaMatcher({ $schema: 'https://json-schema.org/draft/2019-09/schema', ...dependent }).match(post('{"card":"4242"}')).reason).toBe(
      '$.cvv: missing key (required with "card")',
    );
    expect(new JsonSchemaMatcher({ $schema: 'http://json-schema.org/draft-07/schema', ...dependent }).match(post('{"card":"4242"}')).pass).toBe(true);
  });

  it('rejects a $schema of a draft it does not support when the mock is defined, naming the supported ones', () => {
    for (const declared of ['http://json-schema.org/draft-04/schema#', 'https://json-schema.org/draft-07/schema#', 'https://example.test/my-meta', 7]) {
      const error = invalidArgument(() => new Mock().jsonSchema({ $schema: declared, type: 'object' }), 'jsonSchema');
      expect(error.message).toContain('is not a draft pook supports; supported: draft-06 and draft-07');
      expect(error.message).toContain('2019-09');
      expect(error.message).toContain('2020-12');
    }
  });
});
