import { parseArgs } from 'node:util';
import { POOK_VERSION } from '../core/version.js';
import { type CliIo, EXIT } from './command.js';
import { COMMANDS } from './commands.js';

/** The text of `pook --help`. */
export function usage(): string {
  const names = Object.keys(COMMANDS).sort();
  const width = Math.max(0, ...names.map((name) => name.length));
  return [
    'Usage: pook <command> [options]',
    '',
    'HTTP traffic mocking and expectations for Node.js.',
    '',
    'Commands:',
    ...(names.length === 0 ? ['  (none)'] : names.map((name) => `  ${name.padEnd(width)}  ${COMMANDS[name]!.summary}`)),
    '',
    'Options:',
    '  -h, --help     show this help, or a command’s with pook <command> --help',
    '  -v, --version  print pook’s version',
    '',
    'Docs: docs/cli.md',
  ].join('\n');
}

/**
 * Runs the `pook` command line (without the `node` and script arguments)
 * and resolves to its exit code: 0 done, 1 the command found a problem,
 * 2 the command line was wrong (docs/cli.md).
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name !== undefined && !name.startsWith('-')) {
    const entry = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (entry === undefined) {
      io.stderr.write(`pook: unknown command '${name}'\n\n${usage()}\n`);
      return EXIT.usage;
    }
    return (await entry.load()).run(rest, io);
  }
  let values: { help?: boolean; version?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { help: { type: 'boolean', short: 'h' }, version: { type: 'boolean', short: 'v' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    io.stderr.write(`pook: ${(error as Error).message}\n\n${usage()}\n`);
    return EXIT.usage;
  }
  if (values.version) {
    io.stdout.write(`${POOK_VERSION}\n`);
    return EXIT.ok;
  }
  if (values.help) {
    io.stdout.write(`${usage()}\n`);
    return EXIT.ok;
  }
  io.stderr.write(`${usage()}\n`);
  return EXIT.usage;
}
