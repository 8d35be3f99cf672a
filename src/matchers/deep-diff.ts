/** One structural difference between an expected and an actual value. */
export interface Difference {
  /** JSONPath-like location, e.g. `$.user.tags[1]`. */
  readonly path: string;
  /** `changed`: values differ; `missing`: expected key absent; `extra`: unexpected key. */
  readonly kind: 'changed' | 'missing' | 'extra';
  readonly expected?: unknown;
  readonly actual?: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const child = (path: string, key: string): string => (IDENTIFIER.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`);

/**
 * Structural differences between two JSON-like values: object key order is
 * ignored, array order counts. Stops after `limit` differences.
 */
export function deepDiff(expected: unknown, actual: unknown, limit = 20, path = '$', out: Difference[] = []): Difference[] {
  if (out.length >= limit || Object.is(expected, actual)) return out;
  if (Array.isArray(expected) && Array.isArray(actual)) {
    const shared = Math.min(expected.length, actual.length);
    for (let i = 0; i < shared; i++) deepDiff(expected[i], actual[i], limit, `${path}[${i}]`, out);
    for (let i = shared; i < expected.length && out.length < limit; i++) out.push({ path: `${path}[${i}]`, kind: 'missing', expected: expected[i] });
    for (let i = shared; i < actual.length && out.length < limit; i++) out.push({ path: `${path}[${i}]`, kind: 'extra', actual: actual[i] });
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

/** Renders differences as `$.a: expected 1, got 2` lines. */
export function formatDifferences(differences: readonly Difference[]): string {
  return differences
    .map((d) =>
      d.kind === 'missing'
        ? `${d.path}: missing (expected ${JSON.stringify(d.expected)})`
        : d.kind === 'extra'
          ? `${d.path}: unexpected (got ${JSON.stringify(d.actual)})`
          : `${d.path}: expected ${JSON.stringify(d.expected)}, got ${JSON.stringify(d.actual)}`,
    )
    .join('; ');
}
