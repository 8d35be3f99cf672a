/** What a subcommand of the `pook` CLI writes to, and where it reads its working directory. */
export interface CliIo {
  /** Standard output: results, the readiness line of `serve`, JSON. */
  readonly stdout: NodeJS.WritableStream;
  /** Standard error: usage errors and diagnostics. */
  readonly stderr: NodeJS.WritableStream;
  /** The directory relative paths are read from. */
  readonly cwd: string;
}

/**
 * One subcommand of the `pook` CLI (`pook <name> …`). Its module is loaded
 * only when it runs, so `pook --help` loads none of them.
 */
export interface CliCommand {
  /** One line for `pook --help`. */
  readonly summary: string;
  /**
   * Runs the subcommand with the arguments after its name and resolves to
   * the process's exit code (docs/cli.md lists them).
   */
  run(args: readonly string[], io: CliIo): Promise<number>;
}

/** Exit codes shared by every subcommand (docs/cli.md). */
export const EXIT = {
  /** Done, or a check passed. */
  ok: 0,
  /** The command ran and found a problem (a check failed, an invalid file). */
  failed: 1,
  /** The command line itself was wrong: unknown command or option, missing argument. */
  usage: 2,
} as const;
