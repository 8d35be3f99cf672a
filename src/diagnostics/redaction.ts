// Credentials in reports: the values of these headers are cut short, so a
// report pasted into an issue or a CI log does not leak a token.

/** Headers whose values are credentials. */
export const SECRET_HEADERS: ReadonlySet<string> = new Set(['authorization', 'proxy-authorization', 'cookie']);
const SECRET_SHOWN = 12;

/** A credential cut to its first few characters. */
export const secret = (value: unknown): unknown => (typeof value === 'string' && value.length > SECRET_SHOWN ? `${value.slice(0, SECRET_SHOWN)}…` : value);
