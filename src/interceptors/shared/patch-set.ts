import { patch } from './property-patch.js';

/**
 * The patches one interceptor installs while it is active, undone together:
 * `disable()` runs every restore function in reverse order, so the globals
 * are exactly as they were (docs/architecture.md, "Patching"). Activating
 * twice patches once.
 *
 * @example
 * ```ts
 * readonly #patches = new PatchSet();
 * activate(engine) {
 *   if (!this.#patches.begin()) return; // already active
 *   this.#patches.patch(globalThis, 'fetch', (real) => createFetch(engine, real));
 * }
 * disable() {
 *   this.#patches.restore();
 * }
 * ```
 */
export class PatchSet {
  /** The restore functions, in patch order; `undefined` while not active. */
  #restores: Array<() => void> | undefined;

  /** Whether the set is active (begun and not restored). */
  get active(): boolean {
    return this.#restores !== undefined;
  }

  /** Starts the set; returns false, and changes nothing, when it is already active. */
  begin(): boolean {
    if (this.#restores !== undefined) return false;
    this.#restores = [];
    return true;
  }

  /** Replaces `target[key]` with `make(original)` until {@link PatchSet.restore} (see property-patch.ts). */
  patch<T>(target: object, key: PropertyKey, make: (original: T) => T): void {
    this.onRestore(patch(target, key, make));
  }

  /** Runs `restore` when the set is restored, before the patches made before it. */
  onRestore(restore: () => void): void {
    if (this.#restores === undefined) throw new Error('pook: PatchSet.begin() must come before a patch.');
    this.#restores.push(restore);
  }

  /** Undoes everything, the latest first. Idempotent. */
  restore(): void {
    const restores = this.#restores;
    this.#restores = undefined;
    if (restores !== undefined) for (const restore of restores.reverse()) restore();
  }
}
