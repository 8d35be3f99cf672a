// The command-line flags of the benchmark scripts (`bench/run.mjs`,
// `bench/profile.mjs`): `--name=value` gives a string, `--name` gives true.

/** The flags in `argv` (without node and the script), as `{ name: value }`. */
export function parseFlags(argv = process.argv.slice(2)) {
  return Object.fromEntries(
    argv.map((arg) => {
      const [key, value] = arg.replace(/^--/, '').split('=');
      return [key, value ?? true];
    }),
  );
}
