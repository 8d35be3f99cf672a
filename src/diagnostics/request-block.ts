import type { PookRequest } from '../core/pook-request.js';
import { escapeText } from './escape-text.js';
import { SECRET_HEADERS, secret } from './redaction.js';
import { cut, plural } from './text.js';

const NOTABLE_HEADERS = ['content-type', 'accept', 'authorization', 'content-length', 'user-agent'];
const BODY_EXCERPT = 300;
const BODY_LINES = 30;
const fatal = new TextDecoder('utf-8', { fatal: true });

function bodyLines(request: PookRequest): string[] {
  const body = request.body;
  if (body === undefined || body.byteLength === 0) return [];
  const size = plural(body.byteLength, 'byte');
  let text: string;
  try {
    text = fatal.decode(body);
  } catch {
    return [`body: ${size} of binary data`];
  }
  if (/json/i.test(request.headers.get('content-type') ?? '') || /^\s*[[{]/.test(text)) {
    let pretty: string | undefined;
    try {
      pretty = JSON.stringify(JSON.parse(text), null, 2);
    } catch {
      // not JSON after all: shown as text
    }
    if (pretty !== undefined) {
      const lines = pretty.split('\n');
      const shown = lines.slice(0, BODY_LINES).map((line) => `  ${cut(line)}`);
      if (lines.length > BODY_LINES) shown.push(`  … (${plural(lines.length - BODY_LINES, 'more line')})`);
      return [`body (${size}, JSON):`, ...shown];
    }
  }
  // Control characters are shown escaped, never raw (a line break stays one).
  const long = text.length > BODY_EXCERPT;
  const excerpt = long ? `${text.slice(0, BODY_EXCERPT)}…` : text;
  const heading = `body (${size}${long ? `, first ${BODY_EXCERPT} characters shown` : ''})`;
  if (!excerpt.includes('\n')) return long ? [`${heading}:`, `  ${escapeText(excerpt)}`] : [`${heading}: ${escapeText(excerpt)}`];
  return [`${heading}:`, ...excerpt.split('\n').map((line) => `  ${cut(escapeText(line))}`)];
}

/**
 * The request as a block: method and URL, then (indented) the headers that
 * matter (the usual ones plus any that `mentioned` names; credentials cut
 * short) and the body (JSON pretty-printed, long bodies cut with the size
 * shown).
 */
export function formatRequest(request: PookRequest, mentioned: readonly string[] = []): string {
  const lines = [`${request.method} ${request.url.href}`];
  for (const name of [...NOTABLE_HEADERS, ...mentioned.filter((n) => !NOTABLE_HEADERS.includes(n))]) {
    const value = request.headers.get(name);
    if (value === null) continue;
    lines.push(`  ${name}: ${cut(String(SECRET_HEADERS.has(name) ? secret(value) : value))}`);
  }
  for (const line of bodyLines(request)) lines.push(`  ${line}`);
  return lines.join('\n');
}
