const DEFAULT_PORTS: Readonly<Record<string, number>> = { 'http:': 80, 'https:': 443 };

/**
 * The port a URL connects to: the one written, else the scheme's default
 * (80 for http, 443 for https). `new URL()` drops a default port, so
 * `http://a.test:80/` and `http://a.test/` both give 80.
 *
 * @example
 * ```ts
 * effectivePort(new URL('https://api.test/')); // 443
 * ```
 */
export function effectivePort(url: URL): number {
  return url.port === '' ? (DEFAULT_PORTS[url.protocol] ?? 0) : Number(url.port);
}
