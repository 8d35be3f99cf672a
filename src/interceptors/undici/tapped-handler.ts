import type { ExchangeTap } from '../shared/exchange-tap.js';
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
export function tappedHandler(handler: DispatchHandler, tap: ExchangeTap): DispatchHandler {
  const taps: Record<string, (args: unknown[]) => void> = {
    // Legacy shape: onHeaders(status, rawHeaders, resume, statusText), onData(chunk), onComplete(trailers), onError(error).
    onHeaders: ([status, raw, , statusText]) => tap.head(Number(status), String(statusText ?? ''), pairsOfRaw(raw), 'HTTP/1.1', false),
    onData: ([chunk]) => tap.data(chunk as Uint8Array),
    onComplete: () => tap.end(),
    onError: ([error]) => tap.fail(asError(error)),
    // Controller shape: onResponseStart(controller, status, headers, statusText), onResponseData(controller, chunk)…
    onResponseStart: ([controller, status, headers, statusText]) => {
      const raw = (controller as { rawHeaders?: unknown } | null)?.rawHeaders;
      tap.head(Number(status), String(statusText ?? ''), Array.isArray(raw) ? pairsOfRaw(raw) : pairsOfParsed(headers), 'HTTP/1.1', false);
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
