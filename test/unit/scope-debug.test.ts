import { afterEach, describe, expect, it } from 'vitest';
import pook, { PookRequest } from '../../src/index.js';

// A scope inherits the debug setting of the engine it is opened in, as a
// copy taken when it opens (docs/scopes.md, "What a scope inherits").

afterEach(() => {
  pook.debug(false);
  pook.off();
});

describe('debug() and scopes', () => {
  it('a scope opened after pook.debug() is debugged: every candidate is listed in its no-match errors', async () => {
    pook.debug();
    const message = await pook.use(async (engine) => {
      expect(engine.debug).toBe(true);
      for (let n = 0; n < 5; n++) pook.get(`http://debug.test/${n}`);
      return engine.noMatchError(new PookRequest({ method: 'GET', url: 'http://debug.test/none' })).message;
    });
    expect(message).toContain('Mocks tried (closest first):');
    expect(message).not.toContain('closest 3 of 5');
  });

  it('nested scopes inherit from the scope they open in; a using scope too', () => {
    const inner = pook.use(() => {
      pook.debug();
      return pook.use((engine) => engine.debug);
    });
    expect(inner).toBe(true);
    {
      using scope = pook.use();
      expect(scope.engine.debug).toBe(false); // the global engine is not debugged
    }
  });

  it('it is a copy: debug(false) in a scope stays there, and a later debug() outside does not reach an open scope', async () => {
    pook.debug();
    pook.use(() => pook.debug(false));
    expect(pook.engine().debug).toBe(true);
    pook.debug(false);
    const global = pook.engine();
    await pook.use(async (engine) => {
      global.debug = true; // the engine it was opened in, changed while it is open
      expect(engine.debug).toBe(false);
    });
    expect(pook.use((engine) => engine.debug)).toBe(true); // a scope opened now takes the new setting
  });
});
