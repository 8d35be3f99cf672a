import { PookError } from '../../core/errors/pook-error.js';

/**
 * A mock file (`pook serve --mocks`) could not be loaded: it cannot be read
 * or parsed, or one of its entries is not a valid mock definition. The
 * message names the file, the entry (its index and line) and the field;
 * the server keeps the mocks it had (docs/server.md, "Mock files").
 *
 * @example
 * ```ts
 * try { await loadMockFiles(['mocks.yaml']) } catch (e) {
 *   (e as PookMockFileError).entry; // 1
 * }
 * ```
 */
export class PookMockFileError extends PookError {
  /** The file, as given. */
  readonly file: string;
  /** The index of the entry in the file's list of mocks, when one entry is at fault. */
  readonly entry: number | undefined;
  /** The options key that was rejected, when one was. */
  readonly argument: string | undefined;

  /**
   * @param message - the full message
   * @param details - the file, entry and options key at fault
   */
  constructor(message: string, details: { file: string; entry?: number | undefined; argument?: string | undefined }, options?: ErrorOptions) {
    super(message, 'POOK_MOCK_FILE', options);
    this.file = details.file;
    this.entry = details.entry;
    this.argument = details.argument;
  }

  /** The class name, as `error.name` shows it in stack traces and reports (kept when code is minified). */

  override get name(): string {
    return 'PookMockFileError';
  }
}
