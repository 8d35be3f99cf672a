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
    expect(result.reason).toContain("$ must have required property 'name'");
    expect(result.reason).toContain('$.id must be integer');
  });

  it('checks formats', () => {
    const result = new JsonSchemaMatcher(user).match(post('{"id":1,"name":"ada","email":"nope"}'));
    expect(result.pass).toBe(false);
    expect(result.reason).toContain('$.email must match format "email"');
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
});
