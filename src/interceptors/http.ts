import type http from 'node:http';
import type https from 'node:https';
import type { Interceptor, RequestHandler } from '../interceptor.js';
import { builtin } from '../builtin.js';
import { isBypassed } from './bypass.js';
import { AgentCache } from './http-agent.js';
import { patch } from './patch.js';

type RequestFunction = typeof http.request;

// Through getBuiltinModule, not an ESM import: from Node 24 the ESM facade
// of node:http reads its lazy getters, which load Node's whole fetch
// implementation (src/builtin.ts).
const httpModule = builtin<typeof http>('node:http');

/** Gives the call's options a pook agent, whatever form node:http's arguments took. */
function withAgent(args: unknown[], agents: AgentCache, module: typeof http | typeof https): unknown[] {
  const inject = (options: object): object => ({ ...options, agent: agents.for((options as { agent?: unknown }).agent, module) });
  const [first, second] = args;
  if (typeof first === 'string' || first instanceof URL) {
    if (second !== null && typeof second === 'object') return [first, inject(second), ...args.slice(2)];
    return [first, inject({}), ...args.slice(1)];
  }
  if (first !== null && typeof first === 'object') return [inject(first), ...args.slice(1)];
  return args; // let node:http reject the call with its own error
}

/**
 * Intercepts node:http and node:https — `request`, `get` and
 * `new http.ClientRequest` — and so axios, got, node-fetch, superagent and
 * every client built on them. Each call keeps its real `ClientRequest`, but
 * through a pook agent whose socket never touches the network: the bytes the
 * client writes are the request; the bytes pook pushes back are the response.
 *
 * @example
 * ```ts
 * const engine = new Engine({ interceptors: () => [new HttpInterceptor()] });
 * engine.activate();
 * ```
 */
export class HttpInterceptor implements Interceptor {
  readonly name = 'http';
  #restores: Array<() => void> = [];

  /** Patches `http.request/get`, `https.request/get` and `http.ClientRequest`. Idempotent. */
  activate(engine: RequestHandler): void {
    if (this.#restores.length > 0) return;
    const agents = new AgentCache(engine);
    // node:https (with tls and crypto) is loaded here, on activation, not on import.
    for (const module of [httpModule, builtin<typeof https>('node:https')]) {
      for (const key of ['request', 'get'] as const) {
        this.#restores.push(
          patch<RequestFunction>(module, key, (original) => function pookRequest(this: unknown, ...args: unknown[]) {
            // A request an upper layer (fetch, XHR) already let through goes out as it is.
            return (original as (...a: unknown[]) => http.ClientRequest).apply(this, isBypassed() ? args : withAgent(args, agents, module));
          } as RequestFunction),
        );
      }
    }
    this.#restores.push(
      patch<typeof http.ClientRequest>(httpModule, 'ClientRequest', (Original) => {
        function ClientRequest(...args: unknown[]): http.ClientRequest {
          return new (Original as new (...a: unknown[]) => http.ClientRequest)(...(isBypassed() ? args : withAgent(args, agents, httpModule)));
        }
        ClientRequest.prototype = Original.prototype;
        return ClientRequest as unknown as typeof http.ClientRequest;
      }),
    );
  }

  /** Restores every patched function exactly. Idempotent. */
  disable(): void {
    for (const restore of this.#restores.splice(0).reverse()) restore();
  }
}
