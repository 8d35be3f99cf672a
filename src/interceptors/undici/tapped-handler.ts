import type { ExchangeTap } from '../shared/exchange-tap.js';
import type { DispatchTap } from '../shared/passthrough-guard.js';
import type { DispatchHandler } from './handler-driver.js';

type Callback = (...args: unknown[]) => unknown;

function pairsOfRaw(raw: unknown): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  if (!Array.isArray(raw)) return pairs;
  for (let i = 0; i + 1 < raw.length; i += 2) pairs.push([String(raw[i]), String(raw[i + 1])]);
  return pairs;
}

function pairsOfParsed(headers: unknown): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  if (headers === null || typeof headers !== 'object') return pairs;
  for (const [name, value] of Object.entries(headers)) {
    for (const each of Array.isArray(value) ? value : [value]) pairs.push([name, String(each)]);
  }
  return pairs;
}

const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

/**
 * The handler a request let through is dispatched with when it is recorded:
 * the client's own handler, each response callback of either handler shape
 * (see handler-driver.ts) also feeding the {@link ExchangeTap}, after the
 * client's own callback got the same arguments.
 */
export function tappedHandler(handler: DispatchHandler, tap: ExchangeTap, lowerCase = false): DispatchHandler {
  const head = (status: unknown, statusText: unknown, pairs: Array<[string, string]>): void => {
    // As fetch reports them (its Headers), for a fetch fed from its dispatch.
    if (lowerCase) for (const pair of pairs) pair[0] = pair[0].toLowerCase();
    tap.head(Number(status), String(statusText ?? ''), pairs, 'HTTP/1.1', false);
  };
  const taps: Record<string, (args: unknown[]) => void> = {
    // Legacy shape: onHeaders(status, rawHeaders, resume, statusText), onData(chunk), onComplete(trailers), onError(error).
    onHeaders: ([status, raw, , statusText]) => head(status, statusText, pairsOfRaw(raw)),
    onData: ([chunk]) => tap.data(chunk as Uint8Array),
    onComplete: () => tap.end(),
    onError: ([error]) => tap.fail(asError(error)),
    // Controller shape: onResponseStart(controller, status, headers, statusText), onResponseData(controller, chunk)…
    onResponseStart: ([controller, status, headers, statusText]) => {
      const raw = (controller as { rawHeaders?: unknown } | null)?.rawHeaders;
      head(status, statusText, Array.isArray(raw) ? pairsOfRaw(raw) : pairsOfParsed(headers));
    },
    onResponseData: ([, chunk]) => tap.data(chunk as Uint8Array),
    onResponseEnd: () => tap.end(),
    onResponseError: ([, error]) => tap.fail(asError(error)),
  };
  return new Proxy(handler, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key, target);
      const observe = typeof key === 'string' ? taps[key] : undefined;
      if (observe === undefined) return typeof value === 'function' ? (value as Callback).bind(target) : value;
      return (...args: unknown[]) => {
        try {
          observe(args);
        } catch {
          // Observing never changes what the client sees.
        }
        return typeof value === 'function' ? (value as Callback).apply(target, args) : undefined;
      };
    },
  });
}

const REDIRECT_STATUS = new Set([301, 302, 303, 307, 308]);

function hasLocation(headers: unknown, controller: unknown): boolean {
  const raw = Array.isArray(headers) ? headers : (controller as { rawHeaders?: unknown } | null)?.rawHeaders;
  if (Array.isArray(raw)) {
    for (let i = 0; i + 1 < raw.length; i += 2) if (String(raw[i]).toLowerCase() === 'location') return true;
    return false;
  }
  return headers !== null && typeof headers === 'object' && Object.keys(headers).some((name) => name.toLowerCase() === 'location');
}

/**
 * The handler a dispatch of a recorded fetch's real call runs with (see
 * `dispatchTap`): the fetch's own handler, feeding the fetch's tap from the
 * dispatch, so that the fetch layer need not tee the body. A redirect the
 * real fetch follows itself is not the fetch's response: that dispatch
 * lets the tap go to the next hop's.
 */
export function claimingHandler(handler: DispatchHandler, offered: DispatchTap): DispatchHandler {
  offered.attached = true;
  let feeding: DispatchHandler | undefined;
  const decide = (status: unknown, headers: unknown, controller: unknown): void => {
    offered.attached = false;
    if (offered.follows && REDIRECT_STATUS.has(Number(status)) && hasLocation(headers, controller)) return;
    offered.claimed = true;
    feeding = tappedHandler(handler, offered.tap, true);
  };
  // Until the head arrives the tap is only held; then every callback goes to
  // the tapped handler when this dispatch claimed it, else to the fetch's own.
  return new Proxy(handler, {
    get(target, key) {
      if (key === 'onHeaders' || key === 'onResponseStart') {
        const own: unknown = Reflect.get(target, key, target);
        if (typeof own !== 'function') return own;
        return (...args: unknown[]) => {
          if (key === 'onHeaders') decide(args[0], args[1], undefined);
          else decide(args[1], args[2], args[0]);
          return feeding === undefined ? (own as Callback).apply(target, args) : (Reflect.get(feeding, key) as Callback)(...args);
        };
      }
      if (feeding !== undefined) return Reflect.get(feeding, key);
      if (key === 'onError' || key === 'onResponseError') {
        const own: unknown = Reflect.get(target, key, target);
        if (typeof own !== 'function') return own;
        return (...args: unknown[]) => {
          offered.attached = false;
          return (own as Callback).apply(target, args);
        };
      }
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as Callback).bind(target) : value;
    },
  });
}
