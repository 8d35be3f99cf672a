import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadTypeScript } from '../../migrate/load-typescript.js';
import { migrateNock } from '../../migrate/nock.js';
import { type CliCommand, type CliIo, EXIT } from '../command.js';

const USAGE = [
  'Usage: pook migrate nock <files…> [options]',
  '',
  'Rewrites the mechanical part of nock test files to pook, in place: scopes',
  'become pook.origin(…) mocks, reply(status, body, headers) pook’s one-call',
  'reply, .matchHeader .header, .query exact queries, times/persist/delay,',
  'replyWithError .error, scope.done() assertCalled()/assertDone(), imports.',
  'What it cannot translate gets a // TODO(pook): comment naming the idiom.',
  'Needs the typescript package (an optional peer dependency of pook).',
  '',
  'Options:',
  '  --stdout     print the rewritten files instead of writing them',
  '  --check      write nothing; exit 1 if a file would change',
  '  -h, --help   show this help',
  '',
  'Docs: docs/migrating/nock.md',
].join('\n');

async function run(args: readonly string[], io: CliIo): Promise<number> {
  let values: { help?: boolean; stdout?: boolean; check?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...args],
      options: { help: { type: 'boolean', short: 'h' }, stdout: { type: 'boolean' }, check: { type: 'boolean' } },
      strict: true,
      allowPositionals: true,
    }));
  } catch (error) {
    io.stderr.write(`pook migrate: ${(error as Error).message}\n\n${USAGE}\n`);
    return EXIT.usage;
  }
  if (values.help) {
    io.stdout.write(`${USAGE}\n`);
    return EXIT.ok;
  }
  const [from, ...files] = positionals;
  if (from !== 'nock') {
    io.stderr.write(`pook migrate: ${from === undefined ? 'name the library to migrate from' : `cannot migrate from '${from}'`} (known: nock)\n\n${USAGE}\n`);
    return EXIT.usage;
  }
  if (files.length === 0) {
    io.stderr.write(`pook migrate: name the files to rewrite\n\n${USAGE}\n`);
    return EXIT.usage;
  }
  const ts = loadTypeScript(io.cwd);
  if (ts === undefined) {
    io.stderr.write(
      'pook migrate: the typescript package is needed to read your files, and is not installed.\n' +
        'Install it for the migration (npm install --save-dev typescript), then run the command again.\n',
    );
    return EXIT.failed;
  }
  let changed = 0;
  for (const file of files) {
    const path = resolve(io.cwd, file);
    const source = readFileSync(path, 'utf8');
    const result = migrateNock(ts, source, path);
    const differs = result.code !== source;
    if (differs) changed++;
    if (values.stdout) io.stdout.write(result.code);
    else if (!values.check && differs) writeFileSync(path, result.code);
    const verb = values.check ? (differs ? 'would rewrite' : 'unchanged') : differs ? 'rewrote' : 'unchanged';
    io.stderr.write(`${file}: ${verb}, ${result.rewrites} nock expression${result.rewrites === 1 ? '' : 's'}, ${result.todos.length} TODO(pook)\n`);
    for (const todo of result.todos) io.stderr.write(`  TODO(pook): ${todo}\n`);
  }
  return values.check && changed > 0 ? EXIT.failed : EXIT.ok;
}

/** `pook migrate nock <files…>`: the nock codemod (docs/migrating/nock.md). */
export const command: CliCommand = {
  summary: 'rewrite nock test files to pook (pook migrate nock <files…>)',
  run,
};
