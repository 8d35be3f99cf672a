import type http from 'node:http';
import type https from 'node:https';
import type { Interceptor, RequestHandler } from '../interceptor.js';
import { builtin } from '../builtin.js';
import { isBypassed } from './bypass.js';
import { AgentCache } from './http-agent.js';
import { startExchange, type AgentRequestOptions } from './http-exchange.js';
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

type AddRequest = (this: http.Agent, req: http.ClientRequest, options: AgentRequestOptions) => void;

/**
 * Intercepts node:http and node:https — and so axios, got, node-fetch,
 * superagent and every client built on them — at two levels:
 *
 * - `request`, `get` and `new ClientRequest` on the module objects, the way
 *   nearly every client calls them (`http.request(…)`): the call gets a pook
 *   agent standing in for whatever agent it asked for, including agents that
 *   are not `http.Agent`s at all (agent-base 6 proxies) and none at all
 *   (`createConnection`);
 * - `http.Agent.prototype.addRequest`, which every other request reaches:
 *   named ESM imports (`import { request } from 'node:http'`, whose bindings
 *   pook never re-syncs: `module.syncBuiltinESMExports()` costs more than
 *   the rest of a test's lifecycle), functions captured before activation,
 *   the default agent, `agent: false` and every `http.Agent` subclass.
 *
 * Each call keeps its real `ClientRequest`, but with a socket that never
 * touches the network: the bytes the client writes are the request; the
 * bytes pook pushes back are the response.
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

  /** Patches `http.request/get`, `https.request/get`, `http.ClientRequest` and `http.Agent.prototype.addRequest`. Idempotent. */
  activate(engine: RequestHandler): void {
    if (this.#restores.length > 0) return;
    const agents = new AgentCache(engine);
    // A wrapper that outlives its patch (someone else re-synced the builtin
    // ESM exports while it was installed) lets every call through.
    const state = { live: true };
    this.#restores.push(() => (state.live = false));
    const passes = (): boolean => !state.live || isBypassed();
    // node:https (with tls and crypto) is loaded here, on activation, not on import.
    for (const module of [httpModule, builtin<typeof https>('node:https')]) {
      for (const key of ['request', 'get'] as const) {
        this.#restores.push(
          patch<RequestFunction>(module, key, (original) => function pookRequest(this: unknown, ...args: unknown[]) {
            // A request an upper layer (fetch, XHR) already let through goes out as it is.
            return (original as (...a: unknown[]) => http.ClientRequest).apply(this, passes() ? args : withAgent(args, agents, module));
          } as RequestFunction),
        );
      }
    }
    this.#restores.push(
      patch<typeof http.ClientRequest>(httpModule, 'ClientRequest', (Original) => {
        function ClientRequest(...args: unknown[]): http.ClientRequest {
          return new (Original as new (...a: unknown[]) => http.ClientRequest)(...(passes() ? args : withAgent(args, agents, httpModule)));
        }
        ClientRequest.prototype = Original.prototype;
        return ClientRequest as unknown as typeof http.ClientRequest;
      }),
    );
    // Pook agents override addRequest, so a request is never taken twice.
    this.#restores.push(
      patch<AddRequest>(httpModule.Agent.prototype, 'addRequest', (original) => function addRequest(this: http.Agent, req, options) {
        if (passes()) {
          original.call(this, req, options);
          return;
        }
        const protocol = (this as { protocol?: string }).protocol === 'https:' ? 'https:' : 'http:';
        startExchange(engine, req, options, protocol, this);
      } as AddRequest),
    );
  }

  /** Restores every patched function exactly. Idempotent. */
  disable(): void {
    for (const restore of this.#restores.splice(0).reverse()) restore();
  }
}
