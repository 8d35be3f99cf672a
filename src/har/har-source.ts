import { readFileSync } from 'node:fs';
import { PookInvalidArgumentError } from '../index.js';
import type { Har } from './har-format.js';

/** A HAR given to pook: a file path, a `file:` URL, the JSON text's parsed object. */
export type HarSource = string | URL | Har;

/**
 * Reads a HAR: a path or URL is read and parsed; an object is checked for
 * the `log.entries` array every HAR has.
 * @throws PookInvalidArgumentError when it is not a HAR
 */
export function readHar(source: HarSource): Har {
  let har: unknown = source;
  if (typeof source === 'string' || source instanceof URL) {
    let text: string;
    try {
      text = readFileSync(source, 'utf8');
    } catch (cause) {
      throw new PookInvalidArgumentError('har', `cannot read ${String(source)} (${(cause as Error).message})`);
    }
    try {
      har = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    } catch (cause) {
      throw new PookInvalidArgumentError('har', `${String(source)} is not JSON (${(cause as Error).message})`);
    }
  }
  const log = (har as { log?: { entries?: unknown } } | null)?.log;
  if (har === null || typeof har !== 'object' || log === null || typeof log !== 'object' || !Array.isArray(log.entries)) {
    throw new PookInvalidArgumentError('har', 'expected a HAR document: { log: { entries: [...] } }');
  }
  return har as Har;
}
