import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isPookError } from '../../core/errors/pook-error.js';
import { paint } from '../../diagnostics/colour.js';
import { type ServeOptions, serve } from '../../server/serve.js';
import type { ServerEvent } from '../../server/server-events.js';
import { type CliCommand, type CliIo, EXIT } from '../command.js';

/** The text of `pook serve --help`. */
export function serveUsage(): string {
  return [
    'Usage: pook serve [options]',
    '',
    'Starts a mock server: the same mocks, matchers and near-miss reports as',
    'in-process pook, over HTTP, for other processes, languages and browsers.',
    '',
    'Options:',
    '  -p, --port <n>              port to listen on; 0 picks a free one (default 0)',
    '      --host <address>        address to bind (default 127.0.0.1); beyond',
    '                              loopback the admin API needs a token',
    '  -m, --mocks <file|dir>      load mocks from JSON, YAML, ES/TS module or HAR files',
    '                              (repeatable)',
    '      --har-persist           HAR entries answer any number of times (default:',
    '                              each once, in file order)',
    '  -w, --watch                 reload the mock files when they change',
    '      --proxy <url>           reverse proxy: unmatched requests go to this upstream',
    '      --network               forward proxy: unmatched absolute-form requests',
    '                              (HTTP_PROXY) go to their own host',
    '      --unmatched-status <n>  status of the answer to an unmatched request',
    '                              (default 501)',
    '      --cert <file>           serve HTTPS with this PEM certificate (with --key)',
    '      --key <file>            the PEM private key of --cert',
    '      --self-signed           serve HTTPS with a generated self-signed certificate',
    '      --token <token>         the admin API token (default: $POOK_TOKEN; generated',
    '                              beyond loopback)',
    '      --history-limit <n>     requests kept per mock and unmatched (default 1000)',
    '      --json                  log JSON lines instead of readable text',
    '  -q, --quiet                 log nothing but the readiness line',
    '  -h, --help                  show this help',
    '',
    'Prints "pook listening on <url>" when ready. Admin API: <url>/__pook',
    '(OpenAPI document at <url>/__pook/openapi.json). Stops on SIGINT or',
    'SIGTERM once requests in flight are answered.',
    '',
    'Exit codes: 0 stopped by a signal, 1 could not start (bad mock file, port',
    'in use), 2 bad command line.',
    '',
    'Examples:',
    '  pook serve --port 8080 --mocks mocks/',
    '  pook serve --mocks api.yaml --watch --proxy https://api.example.com',
    '  pook serve --mocks recorded.har --har-persist',
    '',
    'Docs: docs/server.md',
  ].join('\n');
}

const OPTIONS = {
  port: { type: 'string', short: 'p' },
  host: { type: 'string' },
  mocks: { type: 'string', short: 'm', multiple: true },
  watch: { type: 'boolean', short: 'w' },
  'har-persist': { type: 'boolean' },
  proxy: { type: 'string' },
  network: { type: 'boolean' },
  'unmatched-status': { type: 'string' },
  cert: { type: 'string' },
  key: { type: 'string' },
  'self-signed': { type: 'boolean' },
  token: { type: 'string' },
  'history-limit': { type: 'string' },
  json: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** An integer option, or an error message. */
function integer(name: string, text: string | undefined): number | string | undefined {
  if (text === undefined) return undefined;
  return /^\d+$/.test(text) ? Number(text) : `option '--${name}' expects a whole number, got ${JSON.stringify(text)}`;
}

/** A readable log line for a terminal or a file. */
function readable(event: ServerEvent, colour: boolean): string | undefined {
  const c = (style: Parameters<typeof paint>[0], text: string): string => (colour ? paint(style, text) : text);
  switch (event.type) {
    case 'listening':
      return undefined;
    case 'request': {
      const status = event.status === 0 ? 'closed' : String(event.status);
      const styled = event.outcome === 'mock' ? c('green', status) : event.outcome === 'unmatched' ? c('red', status) : c('yellow', status);
      const what =
        event.outcome === 'unmatched'
          ? `unmatched${event.mock === undefined ? '' : ` (closest: ${event.mock})`}`
          : event.outcome === 'mock'
            ? (event.mock ?? 'mock')
            : event.outcome === 'error'
              ? `error: ${event.mock}`
              : 'passthrough';
      return `${event.method} ${event.url} ${c('dim', '→')} ${styled} ${what} ${c('dim', `${event.ms}ms`)}`;
    }
    case 'admin':
      return c('dim', `admin ${event.method} ${event.path} → ${event.status}`);
    case 'loaded':
      return `loaded ${event.mocks} mock${event.mocks === 1 ? '' : 's'} from ${event.files.join(', ')}`;
    case 'load-failed':
      return c('red', `${event.message} (kept the mocks loaded before)`);
    case 'closing':
      return 'closing: answering the requests in flight';
    case 'closed':
      return 'closed';
  }
}

async function run(args: readonly string[], io: CliIo): Promise<number> {
  let values: {
    [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K] extends { multiple: true } ? string[] : (typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean : string;
  };
  try {
    ({ values } = parseArgs({ args: [...args], options: OPTIONS, strict: true, allowPositionals: false }) as { values: typeof values });
  } catch (error) {
    io.stderr.write(`pook serve: ${(error as Error).message}\n\n${serveUsage()}\n`);
    return EXIT.usage;
  }
  if (values.help) {
    io.stdout.write(`${serveUsage()}\n`);
    return EXIT.ok;
  }
  const usage = (message: string): number => {
    io.stderr.write(`pook serve: ${message}\n\nRun pook serve --help for the options.\n`);
    return EXIT.usage;
  };
  const port = integer('port', values.port);
  const unmatchedStatus = integer('unmatched-status', values['unmatched-status']);
  const historyLimit = integer('history-limit', values['history-limit']);
  for (const value of [port, unmatchedStatus, historyLimit]) if (typeof value === 'string') return usage(value);
  if ((values.cert === undefined) !== (values.key === undefined)) return usage('--cert and --key go together');
  if (values.cert !== undefined && values['self-signed']) return usage('--self-signed and --cert exclude each other');

  const json = values.json === true;
  const quiet = values.quiet === true;
  const colour = !json && (io.stdout as { isTTY?: boolean }).isTTY === true && process.env.NO_COLOR === undefined;
  const write = (event: ServerEvent): void => {
    if (event.type === 'listening') {
      const line = `pook listening on ${event.url}`;
      io.stdout.write(json ? `${JSON.stringify({ time: new Date().toISOString(), event: 'listening', url: event.url, message: line })}\n` : `${line}\n`);
      if (event.token !== undefined && values.token === undefined && process.env.POOK_TOKEN === undefined) {
        io.stdout.write(json ? `${JSON.stringify({ event: 'token', token: event.token })}\n` : `admin token: ${event.token}\n`);
      }
      return;
    }
    if (quiet) return;
    if (json) {
      const { type, ...rest } = event;
      io.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), event: type, ...rest })}\n`);
      return;
    }
    const line = readable(event, colour);
    if (line !== undefined) io.stdout.write(`${line}\n`);
  };

  let options: ServeOptions;
  try {
    options = {
      port: port as number | undefined,
      host: values.host,
      mocks: values.mocks,
      harPersist: values['har-persist'],
      watch: values.watch,
      proxy: values.proxy,
      network: values.network,
      unmatchedStatus: unmatchedStatus as number | undefined,
      historyLimit: historyLimit as number | undefined,
      token: values.token ?? process.env.POOK_TOKEN,
      tls: values['self-signed']
        ? 'self-signed'
        : values.cert !== undefined
          ? { cert: readFileSync(resolve(io.cwd, values.cert)), key: readFileSync(resolve(io.cwd, values.key!)) }
          : undefined,
      cwd: io.cwd,
      log: write,
    };
  } catch (error) {
    io.stderr.write(`pook serve: cannot read the certificate (${(error as Error).message})\n`);
    return EXIT.failed;
  }

  // Signals are handled from before the readiness line: a signal that comes
  // while the server starts stops it once it has started.
  let stopped!: (code: number) => void;
  const done = new Promise<number>((resolveDone) => {
    stopped = resolveDone;
  });
  let server: Awaited<ReturnType<typeof serve>> | undefined;
  let signalled = false;
  const stop = (): void => {
    signalled = true;
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    server?.close().then(() => stopped(EXIT.ok));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  try {
    server = await serve(options);
  } catch (error) {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    const message = isPookError(error) ? error.message : `pook: cannot start the server (${(error as Error).message}).`;
    io.stderr.write(`${message}\n`);
    return isPookError(error) && error.code === 'POOK_INVALID_ARGUMENT' ? EXIT.usage : EXIT.failed;
  }
  if (signalled) server.close().then(() => stopped(EXIT.ok));
  return done;
}

/** `pook serve`: the mock server (docs/server.md). */
export const command: CliCommand = { summary: 'start a mock server (mock files, admin API, remote client)', run };
