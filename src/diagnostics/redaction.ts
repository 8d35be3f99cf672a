// Credentials in reports: the values of these headers are cut short, so a
// report pasted into an issue or a CI log does not leak a token. Both sides
// are cut: the value a request sent and the value a mock expects. Only the
// rendered text is cut; the errors' structured fields keep full values
// (docs/errors.md says which ones may hold secrets).

/** Headers whose values are credentials. */
export const SECRET_HEADERS: ReadonlySet<string> = new Set(['authorization', 'proxy-authorization', 'cookie']);
const SECRET_SHOWN = 12;

/** A credential cut to its first few characters. */
export const secret = (value: unknown): unknown => (typeof value === 'string' && value.length > SECRET_SHOWN ? `${value.slice(0, SECRET_SHOWN)}…` : value);

/** The header an expectation is about (`header "authorization"` → `authorization`), when its values are credentials. */
export function secretHeaderOf(expectation: string): string | undefined {
  const name = /^header "([^"]+)"/.exec(expectation)?.[1];
  return name !== undefined && SECRET_HEADERS.has(name) ? name : undefined;
}

/**
 * An expected credential as a report shows it: a string cut by
 * {@link secret} and quoted by `show`, a RegExp's text cut likewise (its
 * pattern may spell the token out).
 */
export function showSecret(value: unknown, show: (value: unknown) => string): string {
  if (value instanceof RegExp) {
    const text = String(value);
    return text.length > SECRET_SHOWN ? `${text.slice(0, SECRET_SHOWN)}…` : text;
  }
  return show(secret(value));
}

/**
 * A one-line expectation summary (`header "authorization": "Bearer eyJhbGciOi…"`,
 * as `mock.expectations` lists it) with the value cut as {@link secret}
 * cuts one, when the header's values are credentials.
 */
export function redactSummary(summary: string): string {
  const match = /^(header "([^"]+)": )(.*)$/.exec(summary);
  if (match === null || !SECRET_HEADERS.has(match[2]!)) return summary;
  const shown = match[3]!;
  if (shown.startsWith('"')) {
    const inner = shown.slice(1).replace(/"$/, '').replace(/…$/, '');
    return inner.length > SECRET_SHOWN ? `${match[1]}"${inner.slice(0, SECRET_SHOWN)}…"` : summary;
  }
  return shown.length > SECRET_SHOWN ? `${match[1]}${shown.slice(0, SECRET_SHOWN)}…` : summary;
}
