import type { HarCookie, HarEntry, HarNameValue } from './har-format.js';

/** What replaces a secret in a written HAR; a value equal to it takes no part in matching when the HAR is loaded. */
export const REDACTED = '[REDACTED]';

/** Header names whose values are never written (lower case). */
export const SECRET_HEADERS: readonly string[] = [
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'api-key',
  'apikey',
  'x-auth-token',
  'x-access-token',
  'x-csrf-token',
  'x-xsrf-token',
  'x-amz-security-token',
  'x-goog-api-key',
  'private-token',
];

/** Query parameter names whose values are never written (lower case). */
export const SECRET_PARAMS: readonly string[] = [
  'api_key',
  'apikey',
  'api-key',
  'access_token',
  'refresh_token',
  'id_token',
  'token',
  'key',
  'secret',
  'client_secret',
  'password',
  'signature',
  'sig',
  'x-amz-signature',
  'x-amz-credential',
  'x-amz-security-token',
];

/** Which secrets to replace before a HAR is written. */
export interface RedactOptions {
  /** More header names to redact (case-insensitive), besides the defaults. */
  readonly headers?: readonly string[] | undefined;
  /** More query parameter names to redact (case-insensitive), besides the defaults. */
  readonly params?: readonly string[] | undefined;
  /** `false` drops the default names: only yours are redacted. Default `true`. */
  readonly defaults?: boolean | undefined;
  /**
   * Your last step for each entry (request and response bodies, anything
   * else): change it in place or return a new one. Called after the names
   * above were redacted.
   */
  readonly redact?: ((entry: HarEntry) => HarEntry | undefined) | undefined;
}

function names(defaults: readonly string[], extra: readonly string[] | undefined, useDefaults: boolean): Set<string> {
  return new Set([...(useDefaults ? defaults : []), ...(extra ?? []).map((name) => name.toLowerCase())]);
}

/** `a=1; b=2` → `a=[REDACTED]; b=[REDACTED]`: cookie names stay, for reading. */
function redactCookieHeader(value: string): string {
  return value
    .split(';')
    .map((part) => {
      const eq = part.indexOf('=');
      return eq === -1 ? part : `${part.slice(0, eq)}=${REDACTED}`;
    })
    .join(';');
}

/** `id=abc; Path=/; HttpOnly` → `id=[REDACTED]; Path=/; HttpOnly`. */
function redactSetCookie(value: string): string {
  const semi = value.indexOf(';');
  const first = semi === -1 ? value : value.slice(0, semi);
  const eq = first.indexOf('=');
  const redacted = eq === -1 ? REDACTED : `${first.slice(0, eq)}=${REDACTED}`;
  return semi === -1 ? redacted : redacted + value.slice(semi);
}

function redactHeaders(headers: HarNameValue[], secret: Set<string>): void {
  for (const header of headers) {
    const name = header.name.toLowerCase();
    if (!secret.has(name)) continue;
    header.value = name === 'cookie' ? redactCookieHeader(header.value) : name === 'set-cookie' ? redactSetCookie(header.value) : REDACTED;
  }
}

function redactCookies(cookies: HarCookie[]): void {
  for (const cookie of cookies) cookie.value = REDACTED;
}

/**
 * Returns a copy of `entry` with the secrets replaced by {@link REDACTED}:
 * header values (`Cookie` and `Set-Cookie` keep cookie names and
 * attributes), cookie values, query parameters in `queryString` and in the
 * URL, then the user's own `redact` step.
 */
export function redactEntry(entry: HarEntry, options: RedactOptions = {}): HarEntry {
  return redactOwnEntry(structuredClone(entry), options);
}

/**
 * {@link redactEntry} for an entry nobody else holds (one the recorder has
 * just made): redacted in place, without a copy. Not part of the public API.
 */
export function redactOwnEntry(copy: HarEntry, options: RedactOptions = {}): HarEntry {
  const useDefaults = options.defaults !== false;
  const secretHeaders = names(SECRET_HEADERS, options.headers, useDefaults);
  const secretParams = names(SECRET_PARAMS, options.params, useDefaults);
  const { request, response } = copy;
  redactHeaders(request.headers, secretHeaders);
  redactHeaders(response.headers, secretHeaders);
  if (secretHeaders.has('cookie')) redactCookies(request.cookies);
  if (secretHeaders.has('set-cookie')) redactCookies(response.cookies);
  let touched = false;
  for (const param of request.queryString) {
    if (secretParams.has(param.name.toLowerCase())) {
      param.value = REDACTED;
      touched = true;
    }
  }
  if (touched) {
    try {
      const url = new URL(request.url);
      const params = new URLSearchParams();
      for (const [name, value] of url.searchParams) params.append(name, secretParams.has(name.toLowerCase()) ? REDACTED : value);
      url.search = params.toString();
      request.url = url.href;
    } catch {
      request.url = request.url.replace(/\?.*$/, '');
    }
  }
  if (options.redact === undefined) return copy;
  return options.redact(copy) ?? copy;
}
