// Validation against the published HAR 1.2 JSON Schema (the har-schema
// package, the schema har-validator wraps), with Ajv.

import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

const require = createRequire(import.meta.url);
let validate: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (validate !== undefined) return validate;
  const schemas = require('har-schema') as Record<string, { $id: string }>;
  // The schemas are draft-06 and use a non-standard `optional` keyword.
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json') as object);
  (addFormats as unknown as (ajv: Ajv) => void)(ajv);
  for (const schema of Object.values(schemas)) ajv.addSchema(schema);
  validate = ajv.getSchema('har.json#')!;
  return validate;
}

/** The schema errors of a HAR document (`[]` when it is valid). */
export function validateHar(har: unknown): string[] {
  const check = validator();
  if (check(har)) return [];
  return (check.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}
