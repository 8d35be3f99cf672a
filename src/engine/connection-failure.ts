import type os from 'node:os';
import { optionalBuiltin } from '../core/builtin.js';

// `mock.error('ECONNREFUSED')`: a connection failure shaped like the one Node
// itself raises, so every client wraps it exactly as it wraps the real thing
// (fetch: `TypeError('fetch failed')` with it as `cause`; node:http: the
// `'error'` event; axios and got: their error with its `code`).

interface Shape {
  /** The system call Node names in the message and in `syscall`. */
  readonly syscall: 'connect' | 'read' | 'write' | 'getaddrinfo';
  /** libuv's errno when the code is not a POSIX errno name. */
  readonly errno?: number;
}

/** A Node network error code that `mock.error()` turns into Node's own error shape. */
export type NetworkErrorCode =
  | 'ECONNREFUSED'
  | 'ECONNRESET'
  | 'ECONNABORTED'
  | 'ETIMEDOUT'
  | 'EHOSTUNREACH'
  | 'ENETUNREACH'
  | 'EPIPE'
  | 'ENOTFOUND'
  | 'EAI_AGAIN';

// Linux's errno values, for a runtime without node:os (a browser), where the
// number only needs to look like Node's.
const LINUX_ERRNO: Readonly<Record<string, number>> = {
  ECONNREFUSED: 111,
  ECONNRESET: 104,
  ECONNABORTED: 103,
  ETIMEDOUT: 110,
  EHOSTUNREACH: 113,
  ENETUNREACH: 101,
  EPIPE: 32,
};

const SHAPES: Readonly<Record<NetworkErrorCode, Shape>> = {
  ECONNREFUSED: { syscall: 'connect' },
  ECONNRESET: { syscall: 'read' },
  ECONNABORTED: { syscall: 'read' },
  ETIMEDOUT: { syscall: 'connect' },
  EHOSTUNREACH: { syscall: 'connect' },
  ENETUNREACH: { syscall: 'connect' },
  EPIPE: { syscall: 'write' },
  // getaddrinfo failures carry libuv's UV_EAI_* numbers, not POSIX errnos.
  ENOTFOUND: { syscall: 'getaddrinfo', errno: -3008 },
  EAI_AGAIN: { syscall: 'getaddrinfo', errno: -3001 },
};

/** The error Node raises for a network failure: `code`, `errno`, `syscall` and address fields. */
export interface NodeNetworkError extends Error {
  readonly code: NetworkErrorCode;
  readonly errno: number;
  readonly syscall: string;
  readonly address?: string;
  readonly port?: number;
  readonly hostname?: string;
}

/** Whether `value` is a code {@link connectionFailure} knows. */
export function isNetworkErrorCode(value: unknown): value is NetworkErrorCode {
  return typeof value === 'string' && Object.hasOwn(SHAPES, value);
}

/**
 * The error Node would raise for `code` on a request to `url`, e.g.
 * `connect ECONNREFUSED 127.0.0.1:8080` with `code`, `errno`, `syscall`,
 * `address` and `port` (or `getaddrinfo ENOTFOUND api.test` with `hostname`).
 * A hostname stands where Node would name the address it resolved.
 */
export function connectionFailure(code: NetworkErrorCode, url: URL): NodeNetworkError {
  const shape: Shape = SHAPES[code];
  const errnos = (optionalBuiltin<typeof os>('node:os')?.constants.errno as Record<string, number> | undefined) ?? LINUX_ERRNO;
  const errno = shape.errno ?? -(errnos[code] ?? 0);
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  let message: string;
  let fields: Record<string, unknown>;
  if (shape.syscall === 'getaddrinfo') {
    message = `getaddrinfo ${code} ${hostname}`;
    fields = { hostname };
  } else if (shape.syscall === 'connect') {
    message = `connect ${code} ${hostname}:${port}`;
    fields = { address: hostname, port };
  } else {
    message = `${shape.syscall} ${code}`;
    fields = {};
  }
  return Object.assign(new Error(message), { errno, code, syscall: shape.syscall, ...fields }) as NodeNetworkError;
}
