import http, { type Agent, type ClientRequest } from 'node:http';
import https from 'node:https';
import type { RequestHandler } from '../interceptor.js';
import { startExchange, type AgentRequestOptions } from './http-exchange.js';

/** The agent hook node:http calls for every request; not in @types/node. */
interface AgentInternals {
  addRequest(req: ClientRequest, options: AgentRequestOptions): void;
}

/** What a pook agent needs to know about the agent the caller asked for. */
interface AgentSource {
  readonly engine: RequestHandler;
  /** The `agent` option as the caller gave it. */
  readonly original: Agent | false | undefined;
}

function settings(original: Agent | undefined): http.AgentOptions {
  // Mirror keep-alive so the Connection header is the one the caller's agent would send.
  return { keepAlive: (original as { keepAlive?: boolean } | undefined)?.keepAlive ?? false, maxSockets: original?.maxSockets ?? Number.POSITIVE_INFINITY };
}

/** Routes every request to a mock socket instead of a pool of real ones. */
class PookHttpAgent extends http.Agent implements AgentInternals {
  readonly #source: AgentSource;
  constructor(source: AgentSource, like: Agent | undefined) {
    super(settings(like));
    this.#source = source;
  }
  addRequest(req: ClientRequest, options: AgentRequestOptions): void {
    startExchange(this.#source.engine, req, options, 'http:', this.#source.original);
  }
}

/** The https counterpart of {@link PookHttpAgent}. */
class PookHttpsAgent extends https.Agent implements AgentInternals {
  readonly #source: AgentSource;
  constructor(source: AgentSource, like: Agent | undefined) {
    super(settings(like));
    this.#source = source;
  }
  addRequest(req: ClientRequest, options: AgentRequestOptions): void {
    startExchange(this.#source.engine, req, options, 'https:', this.#source.original);
  }
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
    const original = given === false ? false : given instanceof http.Agent ? given : undefined;
    const like = original === false ? undefined : (original ?? module.globalAgent);
    const protocol = (like as { protocol?: string } | undefined)?.protocol ?? (module === https ? 'https:' : 'http:');
    if (original === false) {
      let agent = this.#noAgent.get(protocol);
      if (agent === undefined) this.#noAgent.set(protocol, (agent = this.#create(protocol, { engine: this.#engine, original: false }, undefined)));
      return agent;
    }
    const key = like as Agent;
    let agent = this.#byAgent.get(key);
    if (agent === undefined) this.#byAgent.set(key, (agent = this.#create(protocol, { engine: this.#engine, original }, like)));
    return agent;
  }

  #create(protocol: string, source: AgentSource, like: Agent | undefined): Agent {
    return protocol === 'https:' ? new PookHttpsAgent(source, like) : new PookHttpAgent(source, like);
  }
}
