import type util from 'node:util';
import { optionalBuiltin } from './builtin.js';
import { isBytes } from './bytes.js';

type InspectOptions = { readonly depth?: number; readonly breakLength?: number };

/**
 * `util.inspect` where the runtime has node:util; in a browser, a plain
 * rendering of the values JSON cannot show (`undefined`, functions, symbols,
 * bigints, cyclic objects).
 */
function inspect(value: unknown, options?: InspectOptions): string {
  const nodeUtil = optionalBuiltin<typeof util>('node:util');
  if (nodeUtil !== undefined) return nodeUtil.inspect(value, options);
  if (typeof value === 'function') return `[Function: ${value.name || '(anonymous)'}]`;
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'symbol' || value === undefined) return String(value);
  return Object.prototype.toString.call(value);
}

/**
 * Renders an expected or actual value on one line for reports: strings and
 * JSON values as JSON (`"ada"`, `{"id":1}`), RegExps as written, bytes as
 * their size; anything else as `util.inspect` shows it. Cut to `max`
 * characters with `…`.
 *
 * @example
 * ```ts
 * showValue('ada');            // '"ada"'
 * showValue(/^Bearer /);       // '/^Bearer /'
 * showValue({ a: [1, 2] });    // '{"a":[1,2]}'
 * ```
 */
export function showValue(value: unknown, max: number = Number.POSITIVE_INFINITY): string {
  let text: string;
  if (value instanceof RegExp) text = String(value);
  else if (isBytes(value)) text = `<${value.byteLength} bytes>`;
  else if (value === undefined || typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') text = inspect(value);
  else {
    try {
      text = JSON.stringify(value) ?? inspect(value);
    } catch {
      text = inspect(value, { depth: 4, breakLength: Number.POSITIVE_INFINITY });
    }
  }
  return text.length > max ? `${text.slice(0, Math.max(1, max - 1))}…` : text;
}
