import type util from 'node:util';
import { optionalBuiltin } from '../core/builtin.js';
import type { Mock } from '../engine/mock.js';
import type { Decision } from '../engine/reporter.js';
import { paint, wantsColour } from './colour.js';
import { formatLocation } from './location.js';

// One line per decision: with `pook.debug()` on stderr as `pook: …`, and
// with NODE_DEBUG=pook through util.debuglog (Node's convention, `POOK <pid>: …`).
// NODE_DEBUG is read once, when Node starts; the logger is made on first use,
// not on import, and whether it is on is remembered (it is checked per request).
// A runtime without node:util (a browser) has no NODE_DEBUG, and no stderr:
// `pook.debug()` writes there with `console.debug`.
type DebugLog = ReturnType<typeof util.debuglog>;
let nodeDebug: DebugLog | null | undefined;
let nodeDebugOn: boolean | undefined;
function nodeDebugLog(): DebugLog | null {
  nodeDebug ??= optionalBuiltin<typeof util>('node:util')?.debuglog('pook') ?? null;
  return nodeDebug;
}

/** Whether NODE_DEBUG enables pook's log. */
function nodeDebugEnabled(): boolean {
  nodeDebugOn ??= nodeDebugLog()?.enabled === true;
  return nodeDebugOn;
}

interface Stderr {
  readonly isTTY?: boolean;
  hasColors?: () => boolean;
  write(text: string): unknown;
}

type Verdict = 'match' | 'passthrough' | 'blocked' | 'error';
const COLOURS = { match: 'green', passthrough: 'yellow', blocked: 'red', error: 'red' } as const;

function write(debug: boolean, outcome: Verdict, head: string, text: string): void {
  if (debug) {
    const stderr = (globalThis as { process?: { stderr?: Stderr } }).process?.stderr;
    if (stderr === undefined) {
      console.debug(`pook: ${head} ${text}`);
      return;
    }
    const shown = wantsColour(stderr) ? `${head} ${paint(COLOURS[outcome], text)}` : `${head} ${text}`;
    stderr.write(`pook: ${shown}\n`);
  } else if (nodeDebugEnabled()) {
    nodeDebugLog()?.('%s %s', head, text);
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
export function logDecision(debug: boolean, decision: Decision): void {
  const { request } = decision;
  const head = `${request.method} ${request.url.href} →`;
  switch (decision.type) {
    case 'match':
      write(debug, 'match', head, `${decision.mock.label}${where(decision.mock)}`);
      break;
    case 'passthrough':
      write(debug, 'passthrough', head, 'real network (unmatched)');
      break;
    case 'blocked': {
      const [closest] = decision.error.candidates;
      const hint = closest === undefined ? '' : `; closest: ${closest.mock.label}${where(closest.mock)}, ${closest.summary}`;
      write(debug, 'blocked', head, `blocked (no mock matched${hint})`);
      break;
    }
    case 'failed': {
      const { error, mock } = decision;
      write(debug, 'error', head, `failed with ${error.name}: ${error.message.split('\n', 1)[0]}${mock === undefined ? '' : ` (from ${mock.label})`}`);
      break;
    }
  }
}

/** Whether a decision would be logged. */
export function shouldLog(debug: boolean): boolean {
  return debug || nodeDebugEnabled();
}
