// The floor: what a mocked request costs with no library at all.
// - fetch: `new Response(JSON.stringify(body))`, the figure the issue quotes
//   (no URL parsing, no matching, no Request object).
// - node:http: Node's own ClientRequest and response parser over an
//   in-memory socket that answers canned bytes: the least any interceptor
//   pays that lets node:http build the request and parse the response.
import http from 'node:http';
import { Duplex } from 'node:stream';
import { BODY } from '../fixture.mjs';

export const library = { name: 'floor', package: null };

export const unsupported = {};

export const history = {
  on: 'the floor keeps no history',
  off: true,
  capped: 'n/a',
};

const json = JSON.stringify(BODY);
const RESPONSE = Buffer.from(
  `HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(json)}\r\nConnection: close\r\n\r\n${json}`,
);

/** A socket stand-in that answers the first write (a whole GET head) with RESPONSE. */
class CannedSocket extends Duplex {
  #answered = false;
  _read() {}
  _write(_chunk, _encoding, callback) {
    if (!this.#answered) {
      this.#answered = true;
      this.push(RESPONSE);
      this.push(null);
    }
    callback();
  }
  setNoDelay() {}
  setKeepAlive() {}
  setTimeout() {}
  ref() {}
  unref() {}
}

class CannedAgent extends http.Agent {
  createConnection() {
    return new CannedSocket();
  }
}

let realFetch;
let realAgent;

export async function start() {
  realFetch = globalThis.fetch;
  realAgent = http.globalAgent;
  globalThis.fetch = async () => new Response(JSON.stringify(BODY));
  http.globalAgent = new CannedAgent({ keepAlive: false });
}

export async function stop() {
  globalThis.fetch = realFetch;
  http.globalAgent = realAgent;
}

export function recorded() {
  return 0;
}

/** The floor of a lifecycle: its requests alone. */
export async function lifecycle(paths, request) {
  if (globalThis.fetch === realFetch || realFetch === undefined) await start();
  for (const path of paths) await request(path);
}
