import type http from 'node:http';
import type https from 'node:https';
import { builtin } from '../../core/builtin.js';
import type { Interceptor, RequestHandler } from '../../core/interceptor.js';
import { onFirstUse } from '../shared/builtin-first-use.js';
import { isBypassed } from '../shared/passthrough-guard.js';
import { PatchSet } from '../shared/patch-set.js';
import { AgentCache } from './agent-cache.js';
import type { AgentRequestOptions } from './agent-request-options.js';
import { startExchange } from './exchange.js';

type RequestFunction = typeof http.request;

// Through getBuiltinModule, not an ESM import: from Node 24 the ESM facade
// of node:http reads its lazy getters, which load Node's whole fetch
// implementation (src/core/builtin.ts). Loaded when first needed: on the
// process's first use of node:http or node:https (see activate()).
const nodeHttp = (): typeof http => builtin<typeof http>('node:http');

type AddRequest = (this: http.Agent, req: http.ClientRequest, options: AgentRequestOptions) => void;

/**
 * Whether node:http hands the request of a call with these options to an
 * `http.Agent` whose `addRequest` is pook's (`ours`): then the call needs no
 * pook agent. Not so for an agent that is no `http.Agent` or overrides
 * `addRequest`, nor for `createConnection` without an agent, which node:http
 * calls directly.
 */
function reachesOurAgent(options: object, module: typeof http | typeof https, ours: AddRequest): boolean {
  const { agent, createConnection, _defaultAgent } = options as { agent?: unknown; createConnection?: unknown; _defaultAgent?: unknown };
  if (agent === false) return true; // node:http makes a new agent of the default's class
  let used = agent;
  if (agent === undefined || agent === null) {
    if (typeof createConnection === 'function') return false;
    used = _defaultAgent ?? module.globalAgent;
  }
  return used instanceof nodeHttp().Agent && (used as { addRequest?: unknown }).addRequest === ours;
}

/** Gives the call's options a pook agent, whatever form node:http's arguments took, unless its request reaches pook's `addRequest` anyway. */
function withAgent(args: unknown[], agents: AgentCache, module: typeof http | typeof https, ours: AddRequest): unknown[] {
  const inject = (options: object): object => ({ ...options, agent: agents.for((options as { agent?: unknown }).agent, module) });
  const [first, second] = args;
  if (typeof first === 'string' || first instanceof URL) {
    if (second !== null && typeof second === 'object') return reachesOurAgent(second, module, ours) ? args : [first, inject(second), ...args.slice(2)];
    return reachesOurAgent({}, module, ours) ? args : [first, inject({}), ...args.slice(1)];
  }
  if (first !== null && typeof first === 'object') return reachesOurAgent(first, module, ours) ? args : [inject(first), ...args.slice(1)];
  return args; // let node:http reject the call with its own error
}

/**
 * Intercepts node:http and node:https — and so axios, got, node-fetch,
 * superagent and every client built on them — at two levels:
 *
 * - `http.Agent.prototype.addRequest`, which nearly every request reaches:
 *   through the default agents, `agent: false` and every `http.Agent`
 *   subclass, from the module objects (`http.request(…)`), named ESM imports
 *   (`import { request } from 'node:http'`, whose bindings pook never
 *   re-syncs: `module.syncBuiltinESMExports()` costs more than the rest of a
 *   test's lifecycle) and functions captured before activation;
 * - `request`, `get` and `new ClientRequest` on the module objects, for the
 *   calls whose request would not reach it: an agent that is no `http.Agent`
 *   (agent-base 6 proxies) or overrides `addRequest`, or `createConnection`
 *   without an agent. Such a call gets a pook agent standing in for the
 *   agent it asked for.
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
  /** The interceptor's name: `interceptors: ['http']` in engine options selects it, and reports and debug lines name it. */
  readonly name = 'http';
  readonly #patches = new PatchSet();

  /** Patches `http.request/get`, `http.ClientRequest`, `http.Agent.prototype.addRequest` and `https.request/get`, each module when the process first uses it. Idempotent. */
  activate(engine: RequestHandler): void {
    if (!this.#patches.begin()) return;
    const agents = new AgentCache(engine);
    // A wrapper that outlives its patch (someone else re-synced the builtin
    // ESM exports while it was installed) lets every call through.
    const state = { live: true };
    this.#patches.onRestore(() => (state.live = false));
    const passes = (): boolean => !state.live || isBypassed();
    // Pook agents override addRequest, so a request is never taken twice.
    let original!: AddRequest; // the real one, set by patch() below
    const addRequest = function addRequest(this: http.Agent, req, options) {
      if (passes()) {
        original.call(this, req, options);
        return;
      }
      const protocol = (this as { protocol?: string }).protocol === 'https:' ? 'https:' : 'http:';
      startExchange(engine, req, options, protocol, this);
    } as AddRequest;
    const wrapRequests = (module: typeof http | typeof https): void => {
      for (const key of ['request', 'get'] as const) {
        this.#patches.patch<RequestFunction>(
          module,
          key,
          (original) =>
            function pookRequest(this: unknown, ...args: unknown[]) {
              // A request an upper layer (fetch, XHR) already let through goes out as it is.
              return (original as (...a: unknown[]) => http.ClientRequest).apply(this, passes() ? args : withAgent(args, agents, module, addRequest));
            } as RequestFunction,
        );
      }
    };
    let httpPatched = false;
    const patchHttp = (): void => {
      if (httpPatched) return;
      httpPatched = true;
      const httpModule = nodeHttp();
      this.#patches.patch<AddRequest>(httpModule.Agent.prototype, 'addRequest', (real) => {
        original = real;
        return addRequest;
      });
      wrapRequests(httpModule);
      this.#patches.patch<typeof http.ClientRequest>(httpModule, 'ClientRequest', (Original) => {
        function ClientRequest(...args: unknown[]): http.ClientRequest {
          return new (Original as new (...a: unknown[]) => http.ClientRequest)(...(passes() ? args : withAgent(args, agents, httpModule, addRequest)));
        }
        ClientRequest.prototype = Original.prototype;
        return ClientRequest as unknown as typeof http.ClientRequest;
      });
    };
    // node:http and node:https (with tls and crypto) are patched when the
    // process first reaches for them: at once if loaded, else at their first
    // require, import or getBuiltinModule (shared/builtin-first-use.ts). A
    // process that has neither cannot make a request through them; node's
    // own `_http_agent` and `_http_client`, which https loads without
    // node:http, are watched too.
    onFirstUse(this.#patches, {
      'node:http': patchHttp,
      'node:_http_agent': patchHttp,
      'node:_http_client': patchHttp,
      'node:https': () => {
        patchHttp();
        wrapRequests(builtin<typeof https>('node:https'));
      },
    });
  }

  /** Restores every patched function exactly. Idempotent. */
  disable(): void {
    this.#patches.restore();
  }
}
