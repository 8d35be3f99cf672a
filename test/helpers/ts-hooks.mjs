// Lets a child `node` process import pook's TypeScript source directly:
// Node (22.18+, 24+) strips the types itself, and this hook maps the `.js`
// specifiers between source files to their `.ts` files. Used by tests that
// need a fresh process (NODE_DEBUG is read at startup; an uncaught error ends
// the process). Usage: node --import ./test/helpers/ts-hooks.mjs script.ts

import { existsSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { fileURLToPath } from 'node:url';

registerHooks({
  resolve(specifier, context, next) {
    if (specifier.startsWith('.') && specifier.endsWith('.js') && context.parentURL?.endsWith('.ts')) {
      const ts = new URL(specifier.replace(/\.js$/, '.ts'), context.parentURL);
      if (existsSync(fileURLToPath(ts))) return next(ts.href, context);
    }
    return next(specifier, context);
  },
});
