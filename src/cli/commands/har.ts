import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkHar } from '../../har/har-check.js';
import type { Har, HarEntry } from '../../har/har-format.js';
import { harText } from '../../har/har-json.js';
import { REDACTED, redactEntry } from '../../har/redaction.js';
import { type CliCommand, type CliIo, EXIT } from '../command.js';

// `pook har`: look at a HAR before it is committed (docs/record-and-replay.md, "The pook har command").

function usage(): string {
  return [
    'Usage: pook har <list|validate|redact> <file.har> [options]',
    '',
    'Inspect, validate and redact HAR 1.2 files (recorded by pook, a browser or a proxy).',
    '',
    'Commands:',
    '  list <file>      one line per entry: number, method, URL, status, body size',
    '  validate <file>  check the file against HAR 1.2; exit 1 and list the problems if it is not',
    '  redact <file>    replace secrets (default header and query names, plus --header and --param)',
    '                   and write the file back (or to --out); --check only reports, exit 1 if any',
    '',
    'Options:',
    '  --header <name>  another header whose values are secrets (repeatable)',
    '  --param <name>   another query parameter whose values are secrets (repeatable)',
    '  --out <path>     redact: write here instead of over the file',
    '  --check          redact: write nothing; exit 1 when the file holds secrets',
    '  --json           list: print the entries as JSON lines',
    '  -h, --help       show this help',
    '',
    'Docs: docs/record-and-replay.md',
  ].join('\n');
}

function read(path: string): unknown {
  const text = readFileSync(path, 'utf8');
  return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown;
}

function list(har: Har, json: boolean, io: CliIo): void {
  har.log.entries.forEach((entry, index) => {
    const size = entry.response.content?.size ?? 0;
    if (json) {
      io.stdout.write(`${JSON.stringify({ index: index + 1, method: entry.request.method, url: entry.request.url, status: entry.response.status, size })}\n`);
    } else {
      io.stdout.write(`${String(index + 1).padStart(4)}  ${entry.request.method.padEnd(7)} ${entry.request.url}  ${entry.response.status}  ${size} B\n`);
    }
  });
}

function redact(har: Har, names: { headers: string[]; params: string[] }): { har: Har; changed: number } {
  let changed = 0;
  const entries: HarEntry[] = har.log.entries.map((entry) => {
    const redacted = redactEntry(entry, names);
    if (JSON.stringify(redacted) !== JSON.stringify(entry)) changed++;
    return redacted;
  });
  return { har: { ...har, log: { ...har.log, entries } }, changed };
}

/** `pook har`. */
export const command: CliCommand = {
  summary: 'list, validate or redact a HAR file',
  async run(args, io) {
    let parsed: ReturnType<typeof parse>;
    try {
      parsed = parse(args);
    } catch (error) {
      io.stderr.write(`pook har: ${(error as Error).message}\n\n${usage()}\n`);
      return EXIT.usage;
    }
    const { values, positionals } = parsed;
    if (values.help) {
      io.stdout.write(`${usage()}\n`);
      return EXIT.ok;
    }
    const [action, file, ...extra] = positionals;
    if (action === undefined || file === undefined || extra.length > 0 || !['list', 'validate', 'redact'].includes(action)) {
      const problem =
        action === undefined
          ? 'missing command'
          : !['list', 'validate', 'redact'].includes(action)
            ? `unknown command '${action}'`
            : file === undefined
              ? 'missing file'
              : `unexpected argument '${extra[0]}'`;
      io.stderr.write(`pook har: ${problem}\n\n${usage()}\n`);
      return EXIT.usage;
    }
    const path = resolve(io.cwd, file);
    let document: unknown;
    try {
      document = read(path);
    } catch (error) {
      io.stderr.write(`pook har: cannot read ${file}: ${(error as Error).message}\n`);
      return EXIT.failed;
    }
    const problems = checkHar(document);
    if (action === 'validate' || problems.length > 0) {
      if (problems.length === 0) {
        io.stdout.write(`${file}: a valid HAR 1.2 file, ${(document as Har).log.entries.length} entries\n`);
        return EXIT.ok;
      }
      io.stderr.write(`${file}: not a valid HAR 1.2 file:\n${problems.map((problem) => `  ${problem}\n`).join('')}`);
      return EXIT.failed;
    }
    const har = document as Har;
    if (action === 'list') {
      list(har, values.json === true, io);
      return EXIT.ok;
    }
    const { har: redacted, changed } = redact(har, { headers: values.header ?? [], params: values.param ?? [] });
    if (values.check) {
      if (changed === 0) {
        io.stdout.write(`${file}: no secrets found\n`);
        return EXIT.ok;
      }
      io.stderr.write(`${file}: ${changed} of ${har.log.entries.length} entries hold values to redact (pook har redact ${file})\n`);
      return EXIT.failed;
    }
    const out = values.out === undefined ? path : resolve(io.cwd, values.out);
    writeFileSync(out, harText(redacted));
    io.stdout.write(`${values.out ?? file}: ${changed} entries redacted (values replaced by ${REDACTED})\n`);
    return EXIT.ok;
  },
};

function parse(args: readonly string[]) {
  return parseArgs({
    args: [...args],
    options: {
      help: { type: 'boolean', short: 'h' },
      json: { type: 'boolean' },
      check: { type: 'boolean' },
      out: { type: 'string' },
      header: { type: 'string', multiple: true },
      param: { type: 'string', multiple: true },
    },
    strict: true,
    allowPositionals: true,
  });
}
