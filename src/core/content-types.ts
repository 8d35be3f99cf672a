/** Short names accepted wherever a Content-Type is expected (`type('json')`). */
const CONTENT_TYPE_ALIASES: Readonly<Record<string, string>> = {
  json: 'application/json',
  xml: 'application/xml',
  html: 'text/html',
  text: 'text/plain',
  form: 'application/x-www-form-urlencoded',
  urlencoded: 'application/x-www-form-urlencoded',
};

/** Resolves an alias (`'json'`) to its media type; other values pass through. */
export function resolveContentType(type: string): string {
  // Own keys only: `constructor` or `__proto__` is a (strange) media type, not an alias.
  const alias = type.toLowerCase();
  return Object.hasOwn(CONTENT_TYPE_ALIASES, alias) ? CONTENT_TYPE_ALIASES[alias]! : type;
}
