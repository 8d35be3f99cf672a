// A process can load pook twice: its ES module build and its CommonJS build
// (an ESM test file imports 'pook' while a runner requires its plugin, as
// Mocha does with `--require pook/mocha`). The two copies share nothing. Each
// copy registers its scope functions here, under a global symbol, so that a
// runner integration drives the copy the tests use rather than its own
// (docs/runners/mocha.md).

/** What a runner integration needs of a copy of pook. */
export interface PookCopy {
  /** That copy's `use()`. */
  readonly use: unknown;
  /** That copy's `engine()`. */
  readonly engine: unknown;
}

/** The registry's key; a runner integration reads `globalThis[Symbol.for('pook.copies')]`. */
export const COPIES_KEY: unique symbol = Symbol.for('pook.copies');

/** Adds a copy of pook to the process-wide registry (once per copy). */
export function registerCopy(copy: PookCopy): void {
  const holder = globalThis as { [COPIES_KEY]?: PookCopy[] };
  const copies = (holder[COPIES_KEY] ??= []);
  if (!copies.includes(copy)) copies.push(copy);
}
