import { type Engine, engineSettings } from '../engine/engine.js';
import { colourReport } from './colour.js';
import type { InspectOptions } from './inspect-hook.js';
import { plural } from './text.js';

/** `"a"`, `"a" or "b"`, `"a", "b" or "c"`. */
function either(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** Whether unmatched requests may reach the network, and for which hosts or filters. */
function networking(engine: Engine, filters: readonly string[]): string {
  if (!engine.networking) return filters.length === 0 ? 'off' : `off (its filters are kept: ${either(filters)})`;
  return filters.length === 0 ? 'on, for every host' : `on, for ${either(filters)}`;
}

/**
 * The `util.inspect` summary of an engine: whether it intercepts (and
 * through which interceptors), its networking mode and filters, its mocks
 * and how many are pending, and how many requests matched none:
 *
 * ```text
 * Engine {
 *   active (interceptors: fetch, http, undici, xhr)
 *   networking: on, for "localhost" or isLocal()
 *   mocks: 3 (2 pending)
 *   unmatched requests: 1
 * }
 * ```
 */
export function inspectEngine(engine: Engine, depth: number, options: InspectOptions = {}): string {
  const mocks = engine.mocks.length;
  const pending = engine.pendingMocks().length;
  const state = engine.active ? 'active' : 'inactive';
  if (depth < 0) return `[Engine ${state}, ${plural(mocks, 'mock')}, ${pending} pending]`;
  const settings = engineSettings(engine);
  const names = engine.interceptors.map((interceptor) => interceptor.name);
  const lines = [
    'Engine {',
    `  ${state}${names.length === 0 ? ' (no interceptors)' : ` (interceptors: ${names.join(', ')})`}`,
    `  networking: ${networking(engine, settings.networkFilters)}`,
    `  mocks: ${mocks}${mocks === 0 ? '' : ` (${pending} pending)`}`,
    `  unmatched requests: ${engine.unmatchedRequests().length}`,
  ];
  if (settings.filters > 0 || settings.mappers > 0) lines.push(`  engine filters: ${settings.filters}, mappers: ${settings.mappers}`);
  if (engine.debug) lines.push('  debug: on');
  lines.push('}');
  const text = lines.join('\n');
  return options.colors === true ? colourReport(text) : text;
}
