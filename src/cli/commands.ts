import type { CliCommand } from './command.js';

/**
 * The subcommands of `pook`, by name, each loaded on first use. A new
 * subcommand is one file under commands/ and one line here.
 */
export const COMMANDS: Readonly<Record<string, { readonly summary: string; readonly load: () => Promise<CliCommand> }>> = {
  har: { summary: 'list, validate or redact a HAR file', load: () => import('./commands/har.js').then((m) => m.command) },
  migrate: { summary: 'rewrite nock test files to pook (pook migrate nock <files…>)', load: () => import('./commands/migrate.js').then((m) => m.command) },
  serve: { summary: 'start a mock server (mock files, admin API, remote client)', load: () => import('./commands/serve.js').then((m) => m.command) },
};
