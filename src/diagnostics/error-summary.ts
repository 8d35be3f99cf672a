import type { PookError } from '../core/errors/pook-error.js';
import { colourReport } from './colour.js';
import type { Inspect, InspectOptions } from './inspect-hook.js';

// What `util.inspect` / `console.log` and Node's uncaught-error printer show
// for a pook error: the stack (whose first lines are the whole report), in
// colour only when the output is a colour terminal, then the scalar fields
// (`code`, `argument`, …). The big structured fields (`request`,
// `candidates`, `mocks`) are left to code that reads them.
export function inspectError(error: PookError, depth: number, options: InspectOptions, inspect: Inspect | undefined): string {
  const stack = error.stack ?? `${error.name}: ${error.message}`;
  const text = options.colors === true ? colourReport(stack) : stack;
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error)) {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) fields[key] = value;
  }
  if (depth < 0 || Object.keys(fields).length === 0) return text;
  return `${text} ${typeof inspect === 'function' ? inspect(fields, options) : JSON.stringify(fields)}`;
}
