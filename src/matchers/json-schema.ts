import { describe } from '../core/arguments.js';
import { requirePackage } from '../core/builtin.js';
import { PookInvalidArgumentError } from '../core/errors/invalid-argument-error.js';
import type { Matcher, MatchResult } from '../core/matcher.js';
import type { PookRequest } from '../core/pook-request.js';
import { showValue } from '../core/show-value.js';
import { notJson } from './json.js';

interface AjvError {
  instancePath: string;
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
}
type AjvClass = new (options: object) => AjvInstance;

// Ajv is loaded on the first jsonSchema() call, not on import: most suites
// never use it, and loading it is a large part of a cold start.
let instances: { draft07: AjvInstance; draft2020: AjvInstance } | undefined;
function ajv(draft: 'draft07' | 'draft2020'): AjvInstance {
  if (instances === undefined) {
    const feature = 'the jsonSchema() matcher';
    const load = (id: string): AjvClass => {
      const mod = requirePackage<AjvClass & { default?: AjvClass }>(id, feature);
      return mod.default ?? mod;
    };
    const addFormats = requirePackage<((ajv: AjvInstance) => void) & { default?: (ajv: AjvInstance) => void }>('ajv-formats', feature);
    const withFormats = (instance: AjvInstance): AjvInstance => {
      (addFormats.default ?? addFormats)(instance);
      return instance;
    };
    const options = { allErrors: true, strict: false };
    instances = { draft07: withFormats(new (load('ajv'))(options)), draft2020: withFormats(new (load('ajv/dist/2020'))(options)) };
  }
  return instances[draft];
}

/**
 * Matches when the body is JSON valid against a JSON Schema (draft 2020-12
 * by default; draft-07 when `$schema` says so). Each validation error becomes
 * a mismatch reason.
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
   * @throws PookInvalidArgumentError when the schema is not a valid schema
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
    const declared = (parsed as { $schema?: unknown }).$schema;
    const draft = typeof declared === 'string' && /draft-0[4-7]/.test(declared) ? 'draft07' : 'draft2020';
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
      return { pass: false, expectation: this.name, expected: 'a JSON body', actual: request.text, reason: notJson(request.text) };
    }
    if (this.#validate(data)) return { pass: true, expectation: this.name, expected: this.schema, actual: data };
    const reason = (this.#validate.errors ?? [])
      .map((e) => `${e.instancePath === '' ? '$' : `$${e.instancePath.replaceAll('/', '.')}`} ${e.message ?? 'is invalid'}`)
      .join('; ');
    return { pass: false, expectation: this.name, expected: this.schema, actual: data, reason };
  }
}
