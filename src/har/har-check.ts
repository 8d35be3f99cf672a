import type { Har } from './har-format.js';

// The structural rules of HAR 1.2 (required fields and their types), checked
// without a schema library: for `pook har validate` and `readHar` users who
// want to know why a file will not load. The tests hold it to the published
// HAR JSON Schema (har-schema).

type Rule = 'string' | 'number' | 'integer' | 'object' | 'array' | 'boolean';

function typeOf(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  return typeof value;
}

class Checker {
  readonly problems: string[] = [];

  field(owner: unknown, path: string, key: string, rule: Rule, optional = false): unknown {
    const value = (owner as Record<string, unknown>)[key];
    const at = `${path}.${key}`;
    if (value === undefined) {
      if (!optional) this.problems.push(`${at} is missing`);
      return undefined;
    }
    const actual = typeOf(value);
    const ok = rule === 'integer' ? Number.isInteger(value) : actual === rule;
    if (!ok) this.problems.push(`${at} must be ${rule === 'integer' || rule === 'array' || rule === 'object' ? 'an' : 'a'} ${rule}, got ${actual}`);
    return ok ? value : undefined;
  }

  pairs(owner: unknown, path: string, key: string): void {
    const list = this.field(owner, path, key, 'array');
    if (!Array.isArray(list)) return;
    for (const [index, item] of list.entries()) {
      const at = `${path}.${key}[${index}]`;
      if (typeOf(item) !== 'object') {
        this.problems.push(`${at} must be an object`);
        continue;
      }
      this.field(item, at, 'name', 'string');
      if (key !== 'params') this.field(item, at, 'value', 'string');
    }
  }
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * The problems that keep `value` from being a HAR 1.2 document: one line
 * per missing or mistyped field (`[]` when there is none).
 * @example `checkHar(JSON.parse(text)).forEach((problem) => console.error(problem))`
 */
export function checkHar(value: unknown): string[] {
  const c = new Checker();
  if (typeOf(value) !== 'object') return ['the document must be an object'];
  const log = c.field(value, '', 'log', 'object');
  if (log === undefined) return c.problems.map((p) => p.replace(/^\./, ''));
  c.field(log, 'log', 'version', 'string');
  const creator = c.field(log, 'log', 'creator', 'object');
  if (creator !== undefined) {
    c.field(creator, 'log.creator', 'name', 'string');
    c.field(creator, 'log.creator', 'version', 'string');
  }
  const entries = c.field(log, 'log', 'entries', 'array');
  if (Array.isArray(entries)) {
    for (const [index, entry] of entries.entries()) {
      const at = `log.entries[${index}]`;
      if (typeOf(entry) !== 'object') {
        c.problems.push(`${at} must be an object`);
        continue;
      }
      const started = c.field(entry, at, 'startedDateTime', 'string');
      if (typeof started === 'string' && !DATE_TIME.test(started)) c.problems.push(`${at}.startedDateTime must be an ISO 8601 date and time`);
      c.field(entry, at, 'time', 'number');
      c.field(entry, at, 'cache', 'object');
      const request = c.field(entry, at, 'request', 'object');
      if (request !== undefined) {
        const r = `${at}.request`;
        c.field(request, r, 'method', 'string');
        c.field(request, r, 'url', 'string');
        c.field(request, r, 'httpVersion', 'string');
        c.pairs(request, r, 'cookies');
        c.pairs(request, r, 'headers');
        c.pairs(request, r, 'queryString');
        const postData = c.field(request, r, 'postData', 'object', true);
        if (postData !== undefined) c.field(postData, `${r}.postData`, 'mimeType', 'string');
        c.field(request, r, 'headersSize', 'integer');
        c.field(request, r, 'bodySize', 'integer');
      }
      const response = c.field(entry, at, 'response', 'object');
      if (response !== undefined) {
        const r = `${at}.response`;
        c.field(response, r, 'status', 'integer');
        c.field(response, r, 'statusText', 'string');
        c.field(response, r, 'httpVersion', 'string');
        c.pairs(response, r, 'cookies');
        c.pairs(response, r, 'headers');
        const content = c.field(response, r, 'content', 'object');
        if (content !== undefined) {
          c.field(content, `${r}.content`, 'size', 'integer');
          c.field(content, `${r}.content`, 'mimeType', 'string');
          c.field(content, `${r}.content`, 'text', 'string', true);
          c.field(content, `${r}.content`, 'encoding', 'string', true);
        }
        c.field(response, r, 'redirectURL', 'string');
        c.field(response, r, 'headersSize', 'integer');
        c.field(response, r, 'bodySize', 'integer');
      }
      const timings = c.field(entry, at, 'timings', 'object');
      if (timings !== undefined) for (const key of ['send', 'wait', 'receive']) c.field(timings, `${at}.timings`, key, 'number');
    }
  }
  return c.problems;
}

/** Whether `value` is a HAR 1.2 document ({@link checkHar} finds no problem). */
export function isHar(value: unknown): value is Har {
  return checkHar(value).length === 0;
}
