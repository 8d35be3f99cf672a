import { type AsyncContext, asyncContext } from '../../core/async-context.js';

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
export function runInPassthrough<T>(fn: () => T): { result: T; context: PassthroughContext } {
  const context: PassthroughContext = { open: true };
  return { result: contexts().run(context, fn), context };
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
