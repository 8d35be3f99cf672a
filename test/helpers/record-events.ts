// Which events an emitter fires, in order, recorded without a listener of
// its own: a listener on 'error' changes what node:http's IncomingMessage does
// (it emits 'error' only to listeners), so the recorder must not add one.

// Events that say how bytes flow, not what happened to the request.
const PLUMBING = new Set(['data', 'readable', 'pause', 'resume', 'drain', 'pipe', 'unpipe', 'prefinish', 'socket']);

/** Records every event `emitter` emits (but the stream plumbing) as `label:event`, without adding a listener. */
export function recordEvents(emitter: NodeJS.EventEmitter, label: string, events: string[]): void {
  const emit = emitter.emit;
  emitter.emit = function (this: NodeJS.EventEmitter, name: string | symbol, ...args: unknown[]): boolean {
    if (typeof name === 'string' && !PLUMBING.has(name)) {
      const error = args[0] instanceof Error ? (args[0] as Error & { code?: unknown }) : undefined;
      events.push(error === undefined ? `${label}:${name}` : `${label}:${name}(${String(error.code)}: ${error.message})`);
    }
    return emit.call(this, name, ...args);
  } as typeof emitter.emit;
}
