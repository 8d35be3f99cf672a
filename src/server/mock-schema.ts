import type { MockOptions } from '../engine/mock.js';

// The JSON Schema of a mock file (docs/server.md, "Mock files"), shipped in
// the package as dist/mocks.schema.json (`"$schema"` in a JSON or YAML mock
// file makes editors autocomplete it). Every key is one of `MockOptions`:
// `DEFINITION` must list each key that JSON can express, and nothing else
// (the compiler checks it below; test/server/schema.test.ts checks the
// schema against the options the mock accepts).

const regex = { type: 'object', required: ['regex'], additionalProperties: false, properties: { regex: { type: 'string' }, flags: { type: 'string' } } };
const bytes = { type: 'object', required: ['base64'], additionalProperties: false, properties: { base64: { type: 'string', contentEncoding: 'base64' } } };
const text = (description: string): object => ({ type: 'string', description });
const textOrRegex = (description: string): object => ({ description, anyOf: [{ type: 'string' }, { $ref: '#/$defs/regex' }] });
const names = (description: string): object => ({ description, anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' }, minItems: 1 }] });

/** A query parameter's or form field's expected value (`ParamValue`). */
const PARAM_VALUE = {
  anyOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'array', items: { type: 'string' } }, { $ref: '#/$defs/regex' }],
} as const;

/** The options that take functions: only a module mock file can give them, so the schema leaves them out. */
type FunctionKeys = 'use' | 'filter' | 'map' | 'callback';

const DEFINITION = {
  url: textOrRegex(
    'Request URL: without scheme, http and https; without port, any port; without path, any path. A `re/…/` string or a { regex } object is a regular expression on the whole URL.',
  ),
  method: text('Request method, or "*" for any.'),
  path: textOrRegex('Exact request path, or a regular expression.'),
  headers: {
    type: 'object',
    description: 'Expected request header values (exact, or a regular expression).',
    additionalProperties: { anyOf: [{ type: 'string' }, { $ref: '#/$defs/regex' }] },
  },
  headerPresent: names('Headers that must be present.'),
  headerAbsent: names('Headers that must be absent.'),
  type: text('Expected Content-Type, or an alias: json, xml, html, text, form, form-data, urlencoded.'),
  params: {
    type: 'object',
    description: 'Expected query parameters.',
    additionalProperties: PARAM_VALUE,
  },
  query: {
    type: 'object',
    description: 'The whole expected query: exactly these parameters, no other.',
    additionalProperties: PARAM_VALUE,
  },
  form: {
    type: 'object',
    description: 'Expected form body (application/x-www-form-urlencoded): exactly these fields.',
    additionalProperties: PARAM_VALUE,
  },
  paramExists: names('Query keys that must be present (non-empty).'),
  body: {
    description: 'Expected body: exact text, bytes, or a regular expression.',
    anyOf: [{ type: 'string' }, { $ref: '#/$defs/regex' }, { $ref: '#/$defs/bytes' }],
  },
  json: { description: 'Expected JSON body (objects match partially, as in docs/mocks.md).' },
  jsonSchema: { description: 'A JSON Schema the JSON body must satisfy.', anyOf: [{ type: 'object' }, { type: 'string' }] },
  xml: textOrRegex('Expected XML body.'),
  file: text('Path of a file whose bytes the body must equal (read by the server).'),
  times: { type: 'integer', minimum: 1, description: 'How many times the mock may match (default 1).' },
  persist: { type: 'boolean', description: 'Never expire.' },
  delay: { type: 'integer', minimum: 0, description: 'Response delay in milliseconds.' },
  error: text('Fail the request: a Node network error code (ECONNRESET, ECONNREFUSED, …) or a message; the server closes the connection without a response.'),
  reply: { type: 'integer', minimum: 200, maximum: 599, description: 'Response status (default 200).' },
  responseHeaders: {
    type: 'object',
    description: 'Response headers; an array gives one header per value.',
    additionalProperties: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
  },
  responseType: text('Response Content-Type, or an alias.'),
  responseBody: { description: 'Response body: text or bytes.', anyOf: [{ type: 'string' }, { $ref: '#/$defs/bytes' }] },
  responseJson: { description: 'Response body as JSON (sets application/json unless a Content-Type is set).' },
  responseXml: text('Response body as XML.'),
  responseFile: text('Path of a file whose bytes are the response body (read by the server).'),
} as const satisfies Record<Exclude<keyof MockOptions, FunctionKeys>, object>;

/** The JSON Schema of one mock definition. */
export const MOCK_DEFINITION_SCHEMA: object = {
  type: 'object',
  additionalProperties: false,
  properties: {
    ...DEFINITION,
    definedAt: {
      type: 'object',
      description: 'Where the definition was written (reports show it); set by pook/remote.',
      required: ['file', 'line', 'column'],
      properties: { file: { type: 'string' }, line: { type: 'integer' }, column: { type: 'integer' } },
    },
  },
};

/** The JSON Schema of a mock file: a list of definitions, or `{ "mocks": [...] }`. */
export function mockFileSchema(): object {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://github.com/pook/pook/mocks.schema.json',
    title: 'pook mock file',
    description: 'Mocks for `pook serve --mocks`: each entry is the options object of pook.mock(url, options) (docs/server.md).',
    $defs: { regex, bytes, mock: MOCK_DEFINITION_SCHEMA },
    anyOf: [
      { type: 'array', items: { $ref: '#/$defs/mock' } },
      {
        type: 'object',
        required: ['mocks'],
        additionalProperties: false,
        properties: { $schema: { type: 'string' }, mocks: { type: 'array', items: { $ref: '#/$defs/mock' } } },
      },
    ],
  };
}

/** The schemas the OpenAPI document refers to, under `components.schemas`. */
export function definitionSchemas(): Record<string, object> {
  return { regex, bytes, MockDefinition: JSON.parse(JSON.stringify(MOCK_DEFINITION_SCHEMA).replaceAll('#/$defs/', '#/components/schemas/')) as object };
}
