import { assertHeaderValue, withoutOuterSpace } from './arguments.js';
import { PookInvalidArgumentError } from './errors/invalid-argument-error.js';

/**
 * Short names accepted wherever a Content-Type is expected (`type('json')`):
 * Python pook's aliases, `form-data` included, which means
 * `application/x-www-form-urlencoded` there (as in superagent's `type()`),
 * not `multipart/form-data` (docs/mocks.md#content-type).
 */
const CONTENT_TYPE_ALIASES: Readonly<Record<string, string>> = {
  json: 'application/json',
  xml: 'application/xml',
  html: 'text/html',
  text: 'text/plain',
  form: 'application/x-www-form-urlencoded',
  'form-data': 'application/x-www-form-urlencoded',
  urlencoded: 'application/x-www-form-urlencoded',
};

// RFC 9110 §8.3.1: type "/" subtype *( OWS ";" OWS parameter ), where a
// parameter is token "=" ( token / quoted-string ).
const TOKEN = "[!#$%&'*+\\-.^_`|~0-9A-Za-z]+";
const QUOTED = '"(?:[^"\\\\]|\\\\.)*"';
const MEDIA_TYPE = new RegExp(`^(${TOKEN})/(${TOKEN})(?:[ \\t]*;[ \\t]*${TOKEN}=(?:${TOKEN}|${QUOTED}))*$`);

/**
 * Resolves an alias (`'json'`, any case) to its media type, or checks that
 * `type` is one media type (`type/subtype`, with parameters if any). Anything
 * else could never be a request's Content-Type, so it fails where it is
 * written: a typo (`'jsn'`), a word without `/`, a range (`'text/*'`).
 * @throws PookInvalidArgumentError naming `argument`
 */
export function resolveContentType(argument: string, type: unknown): string {
  assertHeaderValue(argument, type);
  const trimmed = withoutOuterSpace(type);
  // Own keys only: `constructor` or `__proto__` is no alias.
  const key = trimmed.toLowerCase();
  if (Object.hasOwn(CONTENT_TYPE_ALIASES, key)) return CONTENT_TYPE_ALIASES[key]!;
  const parts = MEDIA_TYPE.exec(trimmed);
  if (parts === null) {
    const aliases = Object.keys(CONTENT_TYPE_ALIASES).join(', ');
    throw new PookInvalidArgumentError(
      argument,
      `${JSON.stringify(type)} is neither a media type (type/subtype, e.g. "application/json", with parameters after ";") nor an alias (${aliases})`,
    );
  }
  if (parts[1] === '*' || parts[2] === '*') {
    throw new PookInvalidArgumentError(
      argument,
      `${JSON.stringify(type)} is a media range: a Content-Type names one media type (to match a family, use header('content-type', /^text\\//) or the like)`,
    );
  }
  return trimmed;
}
