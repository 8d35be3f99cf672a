import { colourReport } from './colour.js';
import { formatLocation } from './definition-site.js';
import { formatRequest, formatUses } from './format.js';
import type { Mock } from './mock.js';
import type { PookRequest } from './request.js';

/** The part of Node's inspect options a summary looks at. */
export interface InspectOptions {
  /** Whether the output goes to a colour terminal. */
  readonly colors?: boolean;
}

/** Node's `util.inspect`, as it passes itself to a custom inspector. */
export type Inspect = (value: unknown, options?: object) => string;

/**
 * Gives a class a readable `util.inspect` / `console.log` summary: defines
 * the `util.inspect.custom` method (by its registered symbol name, so
 * node:util is not imported) on its prototype. Done after the class, as a
 * non-enumerable property, because a computed method name cannot be typed
 * under `isolatedDeclarations` and the hook is not part of the typed API.
 */
export function defineInspect<T>(target: { readonly prototype: T }, render: (value: T, depth: number, options: InspectOptions, inspect: Inspect | undefined) => string): void {
  Object.defineProperty(target.prototype, Symbol.for('nodejs.util.inspect.custom'), {
    value(this: T, depth: number, options: InspectOptions | undefined, inspect: Inspect | undefined): string {
      return render(this, depth, options ?? {}, inspect);
    },
    writable: true,
    configurable: true,
  });
}

// Summaries the label already shows (the method and URL of the mock).
const IN_LABEL = /^(?:method|url) /;

/** What a mock expects besides its method and URL, one summary each. */
export function extraExpectations(mock: Mock): string[] {
  return mock.expectations.filter((summary) => !IN_LABEL.test(summary));
}

/** `pending`, `done` or `expired`. */
function mockState(mock: Mock): string {
  if (!mock.isDone()) return 'pending';
  return mock.isExpired() ? 'done (expired)' : 'done';
}

/**
 * The `util.inspect` summary of a mock:
 *
 * ```text
 * Mock POST https://api.test/users {
 *   expects: header "accept": "application/json", json: {"name":"ada"}
 *   times(1), 0 calls, pending
 *   defined at test/users.test.ts:12
 * }
 * ```
 */
export function inspectMock(mock: Mock, depth: number, options: InspectOptions = {}): string {
  if (depth < 0) return `[Mock ${mock.label}]`;
  const lines = [`Mock ${mock.label} {`];
  const extra = extraExpectations(mock);
  if (extra.length > 0) lines.push(`  expects: ${extra.join(', ')}`);
  lines.push(`  ${formatUses(mock)}, ${mockState(mock)}`);
  const site = formatLocation(mock.definedAt);
  if (site !== undefined) lines.push(`  defined at ${site}`);
  lines.push('}');
  const text = lines.join('\n');
  return options.colors === true ? colourReport(text) : text;
}

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
