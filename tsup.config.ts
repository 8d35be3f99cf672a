import { defineConfig, type Options } from 'tsup';

type EsbuildPlugin = NonNullable<Options['esbuildPlugins']>[number];

// The runner integrations (pook/vitest, pook/jest, pook/node-test,
// pook/mocha) must drive the same pook module as the tests that import
// 'pook': a bundled copy would have its own global engine and scopes. Their
// source imports pook's public surface as '../index.js'; in the build that
// import becomes 'pook' itself, resolved at run time through the package's
// own "exports" (self-reference, or node_modules/pook when installed).
const integrationsImportPook: EsbuildPlugin = {
  name: 'integrations-import-pook',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/index\.js$/ }, (args) =>
      /[\\/]src[\\/]integrations[\\/]/.test(args.importer) ? { path: 'pook', external: true } : undefined,
    );
  },
};

// ESM + CommonJS builds with generated .d.ts/.d.cts from the source (never hand-written).
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    vitest: 'src/integrations/vitest.ts',
    jest: 'src/integrations/jest.ts',
    'node-test': 'src/integrations/node-test.ts',
    mocha: 'src/integrations/mocha.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node22',
  platform: 'node',
  shims: true,
  splitting: false,
  treeshake: true,
  // node:test exists only under its node: name (`require('test')` fails).
  removeNodeProtocol: false,
  // The runners are the user's own (peer) packages, never bundled.
  external: ['pook', 'vitest', 'mocha', 'jest', '@jest/globals'],
  esbuildPlugins: [integrationsImportPook],
});
