import { createRequire } from 'node:module';
import { useBuiltinLoader } from '../core/builtin.js';

// The Node entry's builtin loader (core/builtin.ts is the port): Node's
// `process.getBuiltinModule`, or `require` on the Node 22 releases that
// predate it. index.ts imports this module first, so the modules that look a
// builtin up as they load (engine/definition-site.ts) already see it.

const getBuiltinModule = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule;
let require: NodeJS.Require | undefined;

useBuiltinLoader(
  getBuiltinModule === undefined
    ? (id) => {
        require ??= createRequire(import.meta.url);
        return require(id);
      }
    : getBuiltinModule,
);
