import type { PookRequest } from '../core/pook-request.js';
import { colourReport } from './colour.js';
import type { InspectOptions } from './inspect-hook.js';
import { formatRequest } from './request-block.js';

/**
 * The `util.inspect` summary of a request: method, URL and client, every
 * header (credentials cut short) and the body (JSON pretty-printed, long
 * bodies cut).
 */
export function inspectRequest(request: PookRequest, depth: number, options: InspectOptions = {}): string {
  const head = `PookRequest ${request.method} ${request.url.href} (${request.client})`;
  if (depth < 0) return `[${head}]`;
  const [, ...rest] = formatRequest(request, [...request.headers.keys()]).split('\n');
  const text = rest.length === 0 ? `${head} {}` : `${head} {\n${rest.join('\n')}\n}`;
  return options.colors === true ? colourReport(text) : text;
}
