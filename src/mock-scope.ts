import type { Engine } from './engine.js';
import type { Mock } from './mock.js';

// A mock as a scoped resource, as pook's mock context manager
// (`with pook.get(url) as mock:`): `using mock = pook.get(url)`. The
// `using` declaration reads `mock[Symbol.dispose]` at once, which is the
// moment Python's `__enter__` runs; the function it gets back is `__exit__`.

// The engine each mock was last registered in, kept on the mock under a
// module-private symbol: a WeakMap entry per registration was 3% of a
// test's lifecycle (docs/performance.md).
const OWNER = Symbol('pook.owner');
type Owned = Mock & { [OWNER]?: Engine };

/** Records the engine a mock is registered in (called by `Engine.addMock`). */
export function adoptMock(mock: Mock, engine: Engine): void {
  (mock as Owned)[OWNER] = engine;
}

/**
 * Enters the mock's scope: a mock with the default `times(1)` persists while
 * in scope, and its engine is activated if it was not. Returns the exit: the
 * mock expires (it leaves its engine) and the engine is disabled again if
 * entering activated it. The exit is idempotent.
 */
export function enterMockScope(mock: Mock): () => void {
  if (mock.timesLimit === 1 && !mock.persisted) mock.persist();
  const engine = (mock as Owned)[OWNER];
  const activated = engine !== undefined && !engine.active;
  if (activated) engine.activate();
  let left = false;
  return () => {
    if (left) return;
    left = true;
    engine?.removeMock(mock);
    if (activated) engine.disable();
  };
}
