import { describe } from '../core/arguments.js';
import { requirePackage } from '../core/builtin.js';
import { PookInvalidArgumentError } from '../core/errors/invalid-argument-error.js';
import type { Difference, Matcher, MatchResult } from '../core/matcher.js';
import type { PookRequest } from '../core/pook-request.js';
import { showValue } from '../core/show-value.js';
import { childPath, formatDifferences, itemPath } from './deep-diff.js';
import { notJson } from './json.js';

interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params?: Record<string, unknown>;
}
interface ValidateFunction {
  (data: unknown): boolean;
  errors?: AjvError[] | null;
}
interface AjvInstance {
  compile(schema: object): ValidateFunction;
  removeSchema(schema: object): unknown;
  addMetaSchema(schema: object): unknown;
}
type AjvClass = new (options: object) => AjvInstance;

/** The JSON Schema drafts pook validates with, each by one of Ajv's own classes. */
type Draft = 'draft-07' | '2019-09' | '2020-12';

// The `$schema` values Ajv knows (with or without the final `#`). Draft-06
// is validated by the draft-07 class, which reads it once its meta-schema is
// added; a schema without `$schema` is read as 2020-12.
const DRAFTS: ReadonlyArray<readonly [RegExp, Draft]> = [
  [/^http:\/\/json-schema\.org\/draft-0[67]\/schema#?$/, 'draft-07'],
  [/^https:\/\/json-schema\.org\/draft\/2019-09\/schema#?$/, '2019-09'],
  [/^https:\/\/json-schema\.org\/draft\/2020-12\/schema#?$/, '2020-12'],
];
const SUPPORTED =
  'draft-06 and draft-07 ("http://json-schema.org/draft-07/schema#"), 2019-09 ("https://json-schema.org/draft/2019-09/schema") ' +
  'and 2020-12 ("https://json-schema.org/draft/2020-12/schema", the default without $schema)';
const CLASSES: Readonly<Record<Draft, string>> = { 'draft-07': 'ajv', '2019-09': 'ajv/dist/2019', '2020-12': 'ajv/dist/2020' };

// Ajv is loaded on the first jsonSchema() call, and each draft's class on its
// first schema, not on import: most suites never use it, and loading it is a
// large part of a cold start.
const instances = new Map<Draft, AjvInstance>();
function ajv(draft: Draft): AjvInstance {
  let instance = instances.get(draft);
  if (instance === undefined) {
    const feature = 'the jsonSchema() matcher';
    const Class = requirePackage<AjvClass & { default?: AjvClass }>(CLASSES[draft], feature);
    instance = new (Class.default ?? Class)({ allErrors: true, strict: false });
    const addFormats = requirePackage<((ajv: AjvInstance) => void) & { default?: (ajv: AjvInstance) => void }>('ajv-formats', feature);
    (addFormats.default ?? addFormats)(instance);
    if (draft === 'draft-07') instance.addMetaSchema(requirePackage<object>('ajv/dist/refs/json-schema-draft-06.json', feature));
    instances.set(draft, instance);
  }
  return instance;
}

/** The draft a schema's `$schema` names (2020-12 without one). */
function draftOf(schema: object): Draft {
  const declared = (schema as { $schema?: unknown }).$schema;
  if (declared === undefined) return '2020-12';
  const draft = typeof declared === 'string' ? DRAFTS.find(([pattern]) => pattern.test(declared))?.[1] : undefined;
  if (draft === undefined)
    throw new PookInvalidArgumentError('jsonSchema', `$schema ${describe(declared)} is not a draft pook supports; supported: ${SUPPORTED}`);
  return draft;
}

/** A JSON Pointer (`/tags/1`) as a report path (`$.tags[1]`), and the value there. */
function locate(data: unknown, pointer: string): { path: string; value: unknown } {
  let path = '$';
  let value = data;
  if (pointer === '') return { path, value };
  for (const token of pointer.slice(1).split('/')) {
    const key = token.replaceAll('~1', '/').replaceAll('~0', '~');
    if (Array.isArray(value)) {
      path = itemPath(path, Number(key));
      value = value[Number(key)];
    } else {
      path = childPath(path, key);
      value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
    }
  }
  return { path, value };
}

const brief = (value: unknown): string => showValue(value, 40);

/** `"a", "b" or "c"`, at most ten values. */
function oneOf(values: readonly unknown[]): string {
  const shown = values.slice(0, 10).map(brief);
  return `one of ${shown.join(', ')}${values.length > shown.length ? `, … (${values.length} values)` : ''}`;
}

/**
 * One validation error as a difference at the offending property, in the
 * notation of the `json()` diff: a missing required key, an extra key, a
 * wrong type or value with the expected one and the actual value.
 */
function toDifference(error: AjvError, data: unknown): Difference {
  const { path, value } = locate(data, error.instancePath);
  const params = error.params ?? {};
  const message = error.message ?? 'is invalid';
  const key = (name: string): string => String(params[name]);
  const at = (name: string): unknown => (value as Record<string, unknown>)[key(name)];
  switch (error.keyword) {
    case 'required':
      return { path: childPath(path, key('missingProperty')), kind: 'missing', reason: 'missing key (required)' };
    case 'dependentRequired':
    case 'dependencies':
      return { path: childPath(path, key('missingProperty')), kind: 'missing', reason: `missing key (required with ${JSON.stringify(key('property'))})` };
    case 'additionalProperties':
      return {
        path: childPath(path, key('additionalProperty')),
        kind: 'extra',
        actual: at('additionalProperty'),
        reason: 'extra key (additionalProperties: false)',
      };
    case 'unevaluatedProperties':
      return {
        path: childPath(path, key('unevaluatedProperty')),
        kind: 'extra',
        actual: at('unevaluatedProperty'),
        reason: 'extra key (unevaluatedProperties: false)',
      };
    case 'type': {
      const types = ([] as unknown[]).concat(params.type);
      return { path, kind: 'changed', expected: params.type, actual: value, reason: `expected type ${types.join(' or ')}` };
    }
    case 'enum': {
      const allowed = Array.isArray(params.allowedValues) ? params.allowedValues : [];
      return { path, kind: 'changed', expected: allowed, actual: value, reason: `expected ${oneOf(allowed)}` };
    }
    case 'const':
      return { path, kind: 'changed', expected: params.allowedValue, actual: value, reason: `expected ${brief(params.allowedValue)}` };
    default:
      return { path, kind: 'changed', actual: value, reason: `${message} (${error.keyword})` };
  }
}

/**
 * Matches when the body is JSON valid against a JSON Schema: draft 2020-12
 * by default, or the draft its `$schema` names among draft-06, draft-07,
 * 2019-09 and 2020-12. Each validation error becomes a difference at the
 * offending property (`$.tags[1]: expected type string, got 3`).
 *
 * @example
 * ```ts
 * new JsonSchemaMatcher({ type: 'object', required: ['id'] }).match(request).pass;
 * ```
 */
export class JsonSchemaMatcher implements Matcher {
  readonly name = 'json schema';
  /** The schema. */
  readonly schema: object;
  readonly #validate: ValidateFunction;

  /**
   * @param schema - a JSON Schema object (or its JSON text)
   * @throws PookInvalidArgumentError when the schema is not a valid schema, or its `$schema` names a draft that is not supported
   */
  constructor(schema: object | string) {
    let parsed: unknown = schema;
    if (typeof schema === 'string') {
      try {
        parsed = JSON.parse(schema);
      } catch (cause) {
        throw new PookInvalidArgumentError('jsonSchema', `${describe(schema)} is not valid JSON`, { cause });
      }
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new PookInvalidArgumentError('jsonSchema', `expected a JSON Schema object, got ${describe(parsed)}`);
    }
    const draft = draftOf(parsed);
    // Outside the try: a runtime that cannot load Ajv (a browser) says so, not "invalid".
    const instance = ajv(draft);
    try {
      // Ajv registers a schema under its $id and refuses a second one with the
      // same $id; every mock compiles its own copy, so drop the earlier one
      // (already compiled validators keep working).
      instance.removeSchema(parsed);
      this.#validate = instance.compile(parsed);
    } catch (cause) {
      throw new PookInvalidArgumentError('jsonSchema', `invalid JSON Schema (${(cause as Error).message})`, { cause });
    }
    this.schema = parsed;
  }

  /** What this matcher expects, on one line. */
  summary(): string {
    return `json schema: ${showValue(this.schema, 60)}`;
  }

  /** @param request - the request to check */
  match(request: PookRequest): MatchResult {
    let data: unknown;
    try {
      data = request.json;
    } catch {
      return { pass: false, expectation: this.name, expected: 'a JSON body', actual: request.text, reason: notJson(request) };
    }
    if (this.#validate(data)) return { pass: true, expectation: this.name, expected: this.schema, actual: data };
    const differences = (this.#validate.errors ?? []).map((error) => toDifference(error, data));
    return { pass: false, expectation: this.name, expected: this.schema, actual: data, reason: formatDifferences(differences), differences };
  }
}
