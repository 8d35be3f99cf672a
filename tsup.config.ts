import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { initSync, parse } from 'cjs-module-lexer';
import { defineConfig, type Options } from 'tsup';

type EsbuildPlugin = NonNullable<Options['esbuildPlugins']>[number];

// The runner integrations (pook/vitest, pook/jest, pook/node-test,
// pook/mocha), the remote client (pook/remote) and record and replay (pook/har) must drive the same pook module as the tests that import
// 'pook': a bundled copy would have its own global engine and scopes. Their
// source imports pook's public surface as '../index.js'; in the build that
// import becomes 'pook' itself, resolved at run time through the package's
// own "exports" (self-reference, or node_modules/pook when installed).
const integrationsImportPook: EsbuildPlugin = {
  name: 'integrations-import-pook',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/index\.js$/ }, (args) =>
      /[\\/]src[\\/](?:integrations|remote|har)[\\/]/.test(args.importer) ? { path: 'pook', external: true } : undefined,
    );
    // The integrations' cassette() opens pook/har's cassettes: the package's own entry too.
    build.onResolve({ filter: /^\.\.\/har\/index\.js$/ }, (args) =>
      /[\\/]src[\\/]integrations[\\/]/.test(args.importer) ? { path: 'pook/har', external: true } : undefined,
    );
  },
};

// One implementation per process (docs/architecture.md, "One package
// state"). The main entry and the runner integrations that CommonJS runners
// load (jest, node-test, mocha) exist once, as CommonJS; their ES module
// files are thin wrappers that re-export it. An `import 'pook'` and a
// `require('pook')` in one process therefore share one engine, one set of
// patches and one scope registry. (Node's own "ES module wrapper" approach
// to the dual package hazard; `require(esm)` would serve too, but Jest's
// module loader cannot require an ES module without a flag.) pook/vitest is
// ES module only in practice (vitest is), so it keeps its real ESM build.
const WRAPPED = ['index', 'jest', 'node-test', 'mocha'] as const;

function writeEsmWrappers(): void {
  initSync();
  for (const name of WRAPPED) {
    // The names Node finds in the CommonJS build (with the lexer Node itself
    // uses), listed: `export *` would also re-export the `__esModule` and
    // `module.exports` names Node gives a CommonJS module.
    const names = parse(readFileSync(`dist/${name}.cjs`, 'utf8')).exports.filter((key) => key !== 'default' && key !== '__esModule');
    const lines = [`// The ES module face of ./${name}.cjs, the one implementation (see tsup.config.ts).`];
    if (names.length > 0) lines.push(`export { ${names.join(', ')} } from './${name}.cjs';`);
    if (name === 'index') lines.push(`import implementation from './${name}.cjs';`, 'export default implementation.default;');
    writeFileSync(`dist/${name}.js`, `${lines.join('\n')}\n`);
    rmSync(`dist/${name}.js.map`, { force: true });
  }
}

// The JSON Schema of mock files (`pook serve --mocks`), shipped as
// dist/mocks.schema.json for editors ("$schema"), made from the source.
function writeMockFileSchema(): void {
  const { mockFileSchema } = createRequire(import.meta.url)('./dist/server.cjs') as { mockFileSchema: () => object };
  writeFileSync('dist/mocks.schema.json', `${JSON.stringify(mockFileSchema(), null, 2)}\n`);
}
// Two builds run at once (Node and browser) into dist/: neither cleans it,
// as one would delete the other's files; dist/ is emptied here, once, when
// the build loads this file.
rmSync('dist', { recursive: true, force: true });

// The browser build (`pook/browser`, and `pook` under the `browser` export
// condition; docs/browsers.md): one ES module for a plain
// `<script type="module">`, bundled for `platform: 'browser'` with nothing
// external, so a Node builtin anywhere in its module graph fails this build.
// test/browser/bundle.test.ts checks its inputs and its size.
const browser: Options = {
  entry: { browser: 'src/browser/index.ts' },
  format: ['esm'],
  dts: true,
  clean: false,
  sourcemap: true,
  target: 'es2022',
  platform: 'browser',
  splitting: false,
  treeshake: true,
};

// ESM + CommonJS builds with generated .d.ts/.d.cts from the source (never hand-written).
const node: Options = {
  entry: {
    index: 'src/index.ts',
    vitest: 'src/integrations/vitest.ts',
    jest: 'src/integrations/jest.ts',
    'node-test': 'src/integrations/node-test.ts',
    mocha: 'src/integrations/mocha.ts',
    // Record and replay, on the public surface like the integrations.
    har: 'src/har/index.ts',
    // The `pook` program (package.json "bin"); built as both formats like
    // every entry, run as dist/cli.js.
    cli: 'src/cli/bin.ts',
    // The mock server and its remote client (docs/server.md).
    server: 'src/server/index.ts',
    remote: 'src/remote/index.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  clean: false,
  sourcemap: true,
  target: 'node22',
  platform: 'node',
  shims: true,
  splitting: false,
  treeshake: true,
  // node:test exists only under its node: name (`require('test')` fails).
  removeNodeProtocol: false,
  // The runners are the user's own (peer) packages, never bundled.
  external: ['pook', 'pook/har', 'vitest', 'mocha', 'jest', '@jest/globals', 'typescript'],
  esbuildPlugins: [integrationsImportPook],
  // Whitespace and syntax minified, names kept (stack traces still name
  // pook's functions; the source maps point at src/): V8 parses a third
  // less at import, some 4 ms of a test file's start (docs/performance.md).
  esbuildOptions(options) {
    options.minifyWhitespace = true;
    options.minifySyntax = true;
  },
  async onSuccess() {
    writeEsmWrappers();
    writeMockFileSchema();
  },
};

export default defineConfig([node, browser]);
