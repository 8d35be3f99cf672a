import type { Difference } from '../core/matcher.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * The path of an object's key below `path`, in the notation every report
 * uses: `$.user.name`, and brackets for a key that is not an identifier
 * (`$["a.b"]`, `$["x/y"]`).
 *
 * @example
 * ```ts
 * childPath('$.user', 'name'); // '$.user.name'
 * childPath('$', 'a.b');       // '$["a.b"]'
 * ```
 */
export const childPath = (path: string, key: string): string => (IDENTIFIER.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`);
const child = childPath;

/** The path of an array's item below `path`: `$.tags[1]`. */
export const itemPath = (path: string, index: number): string => `${path}[${index}]`;

/**
 * How many differences a comparison keeps at most: enough for any report or
 * tool, and a bound on the work a huge body can cost. Reports list fewer.
 */
export const DIFFERENCE_LIMIT = 1000;

/** Differences a mismatch reason spells out before it says how many more there are. */
const IN_REASON = 20;

/**
 * Structural differences between two JSON-like values: object key order is
 * ignored, array order counts. Stops after `limit` differences.
 */
export function deepDiff(expected: unknown, actual: unknown, limit: number = DIFFERENCE_LIMIT, path = '$', out: Difference[] = []): Difference[] {
  if (out.length >= limit || Object.is(expected, actual)) return out;
  if (Array.isArray(expected) && Array.isArray(actual)) {
    const shared = Math.min(expected.length, actual.length);
    for (let i = 0; i < shared; i++) deepDiff(expected[i], actual[i], limit, itemPath(path, i), out);
    for (let i = shared; i < expected.length && out.length < limit; i++) out.push({ path: itemPath(path, i), kind: 'missing', expected: expected[i] });
    for (let i = shared; i < actual.length && out.length < limit; i++) out.push({ path: itemPath(path, i), kind: 'extra', actual: actual[i] });
    return out;
  }
  if (isObject(expected) && isObject(actual)) {
    for (const key of Object.keys(expected)) {
      if (out.length >= limit) return out;
      if (!Object.hasOwn(actual, key)) out.push({ path: child(path, key), kind: 'missing', expected: expected[key] });
      else deepDiff(expected[key], actual[key], limit, child(path, key), out);
    }
    for (const key of Object.keys(actual)) {
      if (out.length >= limit) return out;
      if (!Object.hasOwn(expected, key)) out.push({ path: child(path, key), kind: 'extra', actual: actual[key] });
    }
    return out;
  }
  out.push({ path, kind: 'changed', expected, actual });
  return out;
}

const ITEM = /\[\d+\]$/;

/** A value as JSON, cut to `max` characters. */
function brief(value: unknown, max = 80): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * One difference as `$.a: expected 1, got 2`, `$.b: missing key (expected
 * "x")` or `$.c[2]: extra item (got 3)`.
 *
 * @example
 * ```ts
 * formatDifference({ path: '$.user.name', kind: 'changed', expected: 'ada', actual: 'bob' });
 * // '$.user.name: expected "ada", got "bob"'
 * ```
 */
export function formatDifference(d: Difference): string {
  if (d.reason !== undefined) return d.kind === 'missing' ? `${d.path}: ${d.reason}` : `${d.path}: ${d.reason}, got ${brief(d.actual)}`;
  const what = ITEM.test(d.path) ? 'item' : 'key';
  if (d.kind === 'missing') return `${d.path}: missing ${what} (expected ${brief(d.expected)})`;
  if (d.kind === 'extra') return `${d.path}: extra ${what} (got ${brief(d.actual)})`;
  return `${d.path}: expected ${brief(d.expected)}, got ${brief(d.actual)}`;
}

/**
 * Renders differences as `$.a: expected 1, got 2` sentences joined with
 * `; `: the first 20, then how many more there are.
 */
export function formatDifferences(differences: readonly Difference[]): string {
  const text = differences.slice(0, IN_REASON).map(formatDifference).join('; ');
  return differences.length > IN_REASON ? `${text}; and ${differences.length - IN_REASON} more` : text;
}
