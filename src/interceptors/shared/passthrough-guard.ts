import { type AsyncContext, asyncContext } from '../../core/async-context.js';
import type { ExchangeTap } from './exchange-tap.js';

// One engine decision per request. Clients are layered (fetch and
// XMLHttpRequest run on undici or node:http; undici's Agent dispatches to a
// Pool that dispatches to a Client), and pook intercepts several layers. A
// request the engine let through must reach the network without being
// matched again by the layer below, and nothing else may slip past.

/**
 * A passthrough started by a top-level interceptor (fetch, xhr): the lower
 * layers let every request of its async context through until it is closed.
 * Top-level interceptors ignore it (each new fetch or XHR is decided), so a
 * request the user starts from a callback is still decided.
 */
export interface PassthroughContext {
  open: boolean;
  /**
   * The tap of a recorded fetch, for the undici layer below to feed from the
   * dispatch (raw chunks, no tee of the body): see {@link dispatchTap}.
   */
  readonly tap?: DispatchTap | undefined;
}

/**
 * A recorded fetch's tap, offered to the dispatches of its real call. The
 * dispatch that brings the response the client gets claims it; a redirect
 * the real fetch follows itself leaves it to the next hop's dispatch.
 */
export interface DispatchTap {
  readonly tap: ExchangeTap;
  /** The real fetch follows redirects itself (`redirect: 'follow'`). */
  readonly follows: boolean;
  /** A dispatch is feeding it now (the layers below that dispatch leave it alone). */
  attached: boolean;
  /** The dispatch of the final response fed it: the fetch layer tees nothing. */
  claimed: boolean;
}

// Made on first use, by then with the loader the entry point chose.
let storage: AsyncContext<PassthroughContext> | undefined;
const contexts = (): AsyncContext<PassthroughContext> => (storage ??= asyncContext<PassthroughContext>());
const decided = new WeakSet<object>();
let depth = 0;

/**
 * Runs `fn` (the real client call of a request the engine let through) in
 * a passthrough context: the layers below see {@link isBypassed} in every
 * continuation of it. Returns the context, to close it when the request ends.
 */
export function runInPassthrough<T>(fn: () => T, tap?: DispatchTap): { result: T; context: PassthroughContext } {
  const context: PassthroughContext = { open: true, tap };
  return { result: contexts().run(context, fn), context };
}

/**
 * The tap a dispatch of a recorded fetch's real call may feed, when none is
 * attached yet (the first layer that sees the dispatch takes it; Agent →
 * Pool → Client below it do not), else `undefined`.
 */
export function dispatchTap(): DispatchTap | undefined {
  const context = contexts().getStore();
  const tap = context?.open === true ? context.tap : undefined;
  return tap === undefined || tap.attached || tap.claimed ? undefined : tap;
}

/**
 * Runs the original dispatch of a request the engine let through: the
 * dispatches it makes synchronously (Agent → Pool → Client) are not decided
 * again, and neither is a later dispatch of the same `opts` object (a Pool
 * queue drained later, a retry).
 */
export function runDecided<T>(opts: object, fn: () => T): T {
  decided.add(opts);
  return runBypassed(fn);
}

/**
 * Runs `fn` (a real request the engine let through) so that what it calls
 * synchronously is not intercepted again: node:http hands a new
 * ClientRequest to its agent's `addRequest` before the constructor returns.
 */
export function runBypassed<T>(fn: () => T): T {
  depth++;
  try {
    return fn();
  } finally {
    depth--;
  }
}

/** Whether a lower-layer interceptor must let this call through undecided. */
export function isBypassed(opts?: object): boolean {
  if (depth > 0) return true;
  if (opts !== undefined && decided.has(opts)) return true;
  return contexts().getStore()?.open === true;
}
