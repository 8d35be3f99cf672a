import { describe } from '../core/arguments.js';
import { PookInvalidArgumentError } from '../core/errors/invalid-argument-error.js';
import { DefinitionSite, definedBy, type SourceLocation } from '../engine/definition-site.js';
import { Mock, type MockOptions } from '../engine/mock.js';
import { fromWire, WireFormatError } from './protocol/definition.js';

/** The key a definition may carry besides the mock options: where it was written. */
const DEFINED_AT = 'definedAt';

function isLocation(value: unknown): value is SourceLocation {
  if (typeof value !== 'object' || value === null) return false;
  const { file, line, column } = value as Record<string, unknown>;
  return typeof file === 'string' && Number.isInteger(line) && Number.isInteger(column);
}

/**
 * A mock from one definition in its JSON form (src/server/protocol/definition.ts):
 * the options object of `pook.mock(url, options)`, validated by the same
 * code as in-process, so a bad one fails with the same
 * `PookInvalidArgumentError`. Values a module mock file gives as they are
 * (RegExps, bytes, functions) are taken as they are.
 * @param definition - the options object, with an optional `definedAt`
 * @param site - where it was written, when the definition does not say
 */
export function mockFromDefinition(definition: unknown, site?: SourceLocation): Mock {
  if (typeof definition !== 'object' || definition === null || Array.isArray(definition)) {
    throw new PookInvalidArgumentError('mock', `expected a mock options object, got ${describe(definition)}`);
  }
  const { [DEFINED_AT]: definedAt, ...rest } = definition as Record<string, unknown>;
  let options: Record<string, unknown>;
  try {
    options = fromWire(rest);
  } catch (error) {
    if (error instanceof WireFormatError) throw new PookInvalidArgumentError(error.argument, error.problem);
    throw error;
  }
  const location = isLocation(definedAt) ? definedAt : site;
  const make = (): Mock => new Mock(options as MockOptions);
  return location === undefined ? make() : definedBy(DefinitionSite.at(location), make);
}
