import { debuglog } from 'node:util';
import { paint, wantsColour } from './colour.js';
import { formatLocation } from './definition-site.js';
import type { PookNoMatchesError } from './errors.js';
import type { Mock } from './mock.js';
import type { PookRequest } from './request.js';

// One line per decision: with `pook.debug()` on stderr as `pook: …`, and
// with NODE_DEBUG=pook through util.debuglog (Node's convention, `POOK <pid>: …`).
// NODE_DEBUG is read once, when Node starts; the logger is made on first use,
// not on import, and whether it is on is remembered (it is checked per request).
let nodeDebug: ReturnType<typeof debuglog> | undefined;
let nodeDebugOn: boolean | undefined;
function nodeDebugLog(): ReturnType<typeof debuglog> {
  nodeDebug ??= debuglog('pook');
  return nodeDebug;
}

/** Whether NODE_DEBUG enables pook's log. */
function nodeDebugEnabled(): boolean {
  nodeDebugOn ??= nodeDebugLog().enabled;
  return nodeDebugOn;
}

type Outcome = 'match' | 'passthrough' | 'blocked' | 'error';
const COLOURS = { match: 'green', passthrough: 'yellow', blocked: 'red', error: 'red' } as const;

function write(debug: boolean, outcome: Outcome, head: string, text: string): void {
  if (debug) {
    const shown = wantsColour(process.stderr) ? `${head} ${paint(COLOURS[outcome], text)}` : `${head} ${text}`;
    process.stderr.write(`pook: ${shown}\n`);
  } else if (nodeDebugEnabled()) {
    nodeDebugLog()('%s %s', head, text);
  }
}

const where = (mock: Mock): string => {
  const site = formatLocation(mock.definedAt);
  return site === undefined ? '' : ` (${site})`;
};

/**
 * Logs one decision about a request, when `debug` is on or NODE_DEBUG
 * includes `pook`. Callers check {@link shouldLog} first so that nothing is
 * formatted otherwise.
 */
export const decisionLog: {
  match(debug: boolean, request: PookRequest, mock: Mock): void;
  passthrough(debug: boolean, request: PookRequest): void;
  blocked(debug: boolean, request: PookRequest, error: PookNoMatchesError): void;
  failed(debug: boolean, request: PookRequest, error: Error, mock: Mock | undefined): void;
} = {
  match(debug, request, mock) {
    write(debug, 'match', `${request.method} ${request.url.href} →`, `${mock.label}${where(mock)}`);
  },
  passthrough(debug, request) {
    write(debug, 'passthrough', `${request.method} ${request.url.href} →`, 'real network (unmatched)');
  },
  blocked(debug, request, error) {
    const [closest] = error.candidates;
    const hint = closest === undefined ? '' : `; closest: ${closest.mock.label}${where(closest.mock)}, ${closest.summary}`;
    write(debug, 'blocked', `${request.method} ${request.url.href} →`, `blocked (no mock matched${hint})`);
  },
  failed(debug, request, error, mock) {
    write(debug, 'error', `${request.method} ${request.url.href} →`, `failed with ${error.name}: ${error.message.split('\n', 1)[0]}${mock === undefined ? '' : ` (from ${mock.label})`}`);
  },
};

/** Whether a decision would be logged. */
export function shouldLog(debug: boolean): boolean {
  return debug || nodeDebugEnabled();
}
