import { POOK_VERSION } from '../core/version.js';
import { definitionSchemas } from './mock-schema.js';

// The admin API as an OpenAPI 3.1 document, served at /__pook/openapi.json.
// test/server/admin.test.ts checks that every path it lists answers.

const json = (schema: object): object => ({ content: { 'application/json': { schema } } });
const ref = (name: string): object => ({ $ref: `#/components/schemas/${name}` });
const error = (description: string): object => ({ description, ...json(ref('Error')) });
const mockId = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };

/** The OpenAPI 3.1 document of the admin API. */
export function openApiDocument(): object {
  return {
    openapi: '3.1.0',
    info: {
      title: 'pook mock server admin API',
      version: POOK_VERSION,
      description:
        'Drives a `pook serve` mock server: its mocks (the same options as pook.mock(url, options)), their calls, the unmatched requests with their near misses, and networking. When the server is bound beyond loopback, every path but /health needs `Authorization: Bearer <token>`.',
    },
    components: {
      securitySchemes: { token: { type: 'http', scheme: 'bearer' } },
      schemas: {
        ...definitionSchemas(),
        Location: { type: 'object', properties: { file: { type: 'string' }, line: { type: 'integer' }, column: { type: 'integer' } } },
        Mock: {
          type: 'object',
          required: ['id', 'label', 'source', 'calls', 'times', 'persist', 'done', 'expired', 'expectations'],
          properties: {
            id: { type: 'string' },
            label: { type: 'string', examples: ['GET api.test/users'] },
            definedAt: ref('Location'),
            source: { enum: ['file', 'api'] },
            calls: { type: 'integer' },
            times: { type: 'integer' },
            persist: { type: 'boolean' },
            done: { type: 'boolean' },
            expired: { type: 'boolean' },
            expectations: { type: 'array', items: { type: 'string' } },
          },
        },
        Request: {
          type: 'object',
          required: ['method', 'url', 'headers', 'timestamp'],
          properties: {
            method: { type: 'string' },
            url: { type: 'string' },
            headers: { type: 'array', items: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'string' }], minItems: 2, maxItems: 2 } },
            body: { type: 'string' },
            bodyEncoding: { enum: ['utf8', 'base64'] },
            timestamp: { type: 'number' },
          },
        },
        Result: {
          type: 'object',
          required: ['pass', 'expectation'],
          properties: { pass: { type: 'boolean' }, expectation: { type: 'string' }, expected: {}, actual: {}, reason: { type: 'string' } },
        },
        NearMiss: {
          type: 'object',
          required: ['label', 'distance', 'summary', 'state', 'failures'],
          properties: {
            mockId: { type: 'string' },
            label: { type: 'string' },
            distance: { type: 'number', description: 'How far the mock is from the request; 0 would have matched. Closest first.' },
            summary: { type: 'string' },
            state: { enum: ['evaluated', 'expired', 'filtered'] },
            failures: { type: 'array', items: ref('Result') },
          },
        },
        Unmatched: {
          type: 'object',
          required: ['request', 'outcome', 'message', 'nearMisses'],
          properties: {
            request: ref('Request'),
            outcome: { anyOf: [{ type: 'integer' }, { const: 'passthrough' }] },
            message: { type: 'string' },
            nearMisses: { type: 'array', items: ref('NearMiss') },
          },
        },
        Network: { type: 'object', required: ['enabled'], properties: { enabled: { type: 'boolean' }, upstream: { type: 'string' } } },
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['name', 'code', 'message'],
              properties: {
                name: { type: 'string' },
                code: { type: 'string' },
                message: { type: 'string' },
                argument: { type: 'string' },
                entry: { type: 'integer' },
              },
            },
          },
        },
        MockList: { type: 'object', required: ['mocks'], properties: { mocks: { type: 'array', items: ref('Mock') } } },
      },
    },
    security: [{ token: [] }, {}],
    paths: {
      '/__pook/health': {
        get: { summary: 'Whether the server is up (no token needed).', security: [], responses: { 200: { description: 'Up.', ...json({ type: 'object' }) } } },
      },
      '/__pook/openapi.json': { get: { summary: 'This document.', responses: { 200: { description: 'The OpenAPI document.', ...json({ type: 'object' }) } } } },
      '/__pook/mocks': {
        get: { summary: 'Every registered mock, in matching (FIFO) order.', responses: { 200: { description: 'The mocks.', ...json(ref('MockList')) } } },
        post: {
          summary: 'Registers mocks at the end of the queue: one definition, a list, or { mocks: [...] }. All or none: a bad definition adds nothing.',
          requestBody: {
            required: true,
            ...json({
              anyOf: [
                ref('MockDefinition'),
                { type: 'array', items: ref('MockDefinition') },
                { type: 'object', properties: { mocks: { type: 'array', items: ref('MockDefinition') } } },
              ],
            }),
          },
          responses: {
            201: { description: 'The new mocks.', ...json(ref('MockList')) },
            400: error('Bad JSON, or an invalid definition: `argument` names the field, `entry` the definition.'),
          },
        },
        delete: { summary: 'Unregisters every mock.', responses: { 204: { description: 'Done.' } } },
      },
      '/__pook/mocks/{id}': {
        parameters: [mockId],
        get: {
          summary: 'One mock, with the requests it matched.',
          responses: {
            200: {
              description: 'The mock.',
              ...json({ allOf: [ref('Mock'), { type: 'object', properties: { requests: { type: 'array', items: ref('Request') } } }] }),
            },
            404: error('No such mock.'),
          },
        },
        delete: { summary: 'Unregisters one mock.', responses: { 204: { description: 'Done.' }, 404: error('No such mock.') } },
      },
      '/__pook/mocks/{id}/calls': {
        parameters: [mockId],
        get: {
          summary: "The mock's call count and the requests it matched (the most recent, up to the history limit).",
          responses: {
            200: {
              description: 'The calls.',
              ...json({ type: 'object', properties: { calls: { type: 'integer' }, requests: { type: 'array', items: ref('Request') } } }),
            },
            404: error('No such mock.'),
          },
        },
      },
      '/__pook/pending': {
        get: {
          summary: 'The mocks not done yet, and the report assertDone() gives.',
          responses: {
            200: {
              description: 'Pending mocks.',
              ...json({
                type: 'object',
                required: ['done', 'mocks'],
                properties: { done: { type: 'boolean' }, mocks: { type: 'array', items: ref('Mock') }, message: { type: 'string' } },
              }),
            },
          },
        },
      },
      '/__pook/unmatched': {
        get: {
          summary: 'The requests no mock matched, each with its ranked near misses, and the report assertNoUnmatched() gives.',
          responses: {
            200: {
              description: 'Unmatched requests.',
              ...json({
                type: 'object',
                required: ['requests'],
                properties: { requests: { type: 'array', items: ref('Unmatched') }, message: { type: 'string' } },
              }),
            },
          },
        },
      },
      '/__pook/reset': {
        post: {
          summary: 'Removes every mock and unmatched request, then loads the mock files again.',
          responses: { 200: { description: 'The mocks after the reset.', ...json(ref('MockList')) } },
        },
      },
      '/__pook/network': {
        get: { summary: 'The networking mode.', responses: { 200: { description: 'The mode.', ...json(ref('Network')) } } },
        put: {
          summary: 'Turns networking on or off: when on, unmatched requests go to the upstream (--proxy) or, as a forward proxy, to their own host.',
          requestBody: {
            required: true,
            ...json({ type: 'object', required: ['enabled'], additionalProperties: false, properties: { enabled: { type: 'boolean' } } }),
          },
          responses: { 200: { description: 'The new mode.', ...json(ref('Network')) }, 400: error('Bad JSON, an unknown field or a non-boolean.') },
        },
      },
    },
  };
}
