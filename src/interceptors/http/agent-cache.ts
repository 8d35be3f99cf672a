import type http from 'node:http';
import type { Agent, ClientRequest } from 'node:http';
import type https from 'node:https';
import { builtin } from '../../core/builtin.js';
import type { RequestHandler } from '../../core/interceptor.js';
import type { AgentRequestOptions } from './agent-request-options.js';
import { startExchange } from './exchange.js';

/** What a pook agent needs to know about the agent the caller asked for. */
interface AgentSource {
  readonly engine: RequestHandler;
  /** The `agent` option as the caller gave it. */
  readonly original: Agent | false | undefined;
  /** `'http:'` or `'https:'`. */
  readonly protocol: string;
}

/**
 * Routes every request to a mock socket instead of a pool of real ones.
 * ClientRequest only reads an agent's `protocol`, `defaultPort`, `keepAlive`
 * and `maxSockets` and calls `addRequest`, so one class serves http and
 * https: none of https.Agent's TLS machinery is ever used by a mock socket.
 */
// node:http is loaded when the first agent is needed, not on import
// (http-interceptor.ts), and never through its ESM facade (src/core/builtin.ts).
let PookAgentClass: (new (source: AgentSource, like: Agent | undefined) => Agent) | undefined;

function pookAgentClass(): new (source: AgentSource, like: Agent | undefined) => Agent {
  PookAgentClass ??= class PookAgent extends builtin<typeof http>('node:http').Agent {
    readonly #source: AgentSource;

    constructor(source: AgentSource, like: Agent | undefined) {
      // Mirror keep-alive so the Connection header is the one the caller's agent would send.
      super({
        keepAlive: (like as { keepAlive?: boolean } | undefined)?.keepAlive ?? false,
        maxSockets: like?.maxSockets ?? Number.POSITIVE_INFINITY,
      });
      this.#source = source;
      const self = this as unknown as { protocol: string; defaultPort: number };
      self.protocol = source.protocol;
      self.defaultPort = source.protocol === 'https:' ? 443 : 80;
    }

    /** The hook node:http calls for every request (not in @types/node). */
    addRequest(req: ClientRequest, options: AgentRequestOptions): void {
      startExchange(this.#source.engine, req, options, this.#source.protocol, this.#source.original);
    }
  };
  return PookAgentClass;
}

/**
 * One pook agent per agent the callers use (created on first use, reused
 * after), standing in for it while pook is active.
 */
export class AgentCache {
  readonly #engine: RequestHandler;
  readonly #byAgent = new WeakMap<object, Agent>();
  readonly #noAgent = new Map<string, Agent>();

  /** @param engine - where the agents send their requests */
  constructor(engine: RequestHandler) {
    this.#engine = engine;
  }

  /**
   * The stand-in for the `agent` option a caller passed to a module's request.
   * @param given - the caller's `agent` option
   * @param module - `http` or `https`, whose global agent is the default
   */
  for(given: unknown, module: typeof http | typeof https): Agent {
    // Any agent-like object is kept for the real request (agent-base 6
    // proxies are no http.Agent); node:http accepts whatever has addRequest.
    const agentLike = given !== null && typeof given === 'object' && typeof (given as { addRequest?: unknown }).addRequest === 'function';
    const original = given === false ? false : agentLike ? (given as Agent) : undefined;
    const like = original === false ? undefined : (original ?? module.globalAgent);
    const protocol = (like as { protocol?: string } | undefined)?.protocol ?? (module === builtin<typeof http>('node:http') ? 'http:' : 'https:');
    const cache = original === false ? undefined : this.#byAgent;
    let agent = cache === undefined ? this.#noAgent.get(protocol) : cache.get(like!);
    if (agent === undefined) {
      agent = new (pookAgentClass())({ engine: this.#engine, original, protocol }, like);
      if (cache === undefined) this.#noAgent.set(protocol, agent);
      else cache.set(like!, agent);
    }
    return agent;
  }
}
