/** The request options node:http hands to an agent's `addRequest` (host and port already normalised). */
export type AgentRequestOptions = Record<string, unknown> & { host?: string; port?: number | string; socketPath?: string };
