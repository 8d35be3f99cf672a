/** The part of Node's inspect options a summary looks at. */
export interface InspectOptions {
  /** Whether the output goes to a colour terminal. */
  readonly colors?: boolean;
}

/** Node's `util.inspect`, as it passes itself to a custom inspector. */
export type Inspect = (value: unknown, options?: object) => string;

/**
 * Gives a class a readable `util.inspect` / `console.log` summary: defines
 * the `util.inspect.custom` method (by its registered symbol name, so
 * node:util is not imported) on its prototype. Done after the class, as a
 * non-enumerable property, because a computed method name cannot be typed
 * under `isolatedDeclarations` and the hook is not part of the typed API.
 */
export function defineInspect<T>(
  target: { readonly prototype: T },
  render: (value: T, depth: number, options: InspectOptions, inspect: Inspect | undefined) => string,
): void {
  Object.defineProperty(target.prototype, Symbol.for('nodejs.util.inspect.custom'), {
    value(this: T, depth: number, options: InspectOptions | undefined, inspect: Inspect | undefined): string {
      return render(this, depth, options ?? {}, inspect);
    },
    writable: true,
    configurable: true,
  });
}
