// The architecture of src/, as rules (docs/architecture.md draws the same
// picture). Each folder is one layer; a file may import its own folder and
// the layers below it, never one above or beside it. Type-only imports
// count too, and no import cycle is allowed, of any kind.
//
//   cli/            the `pook` program and its subcommands (a process of its own)
//   migrate/        codemods (`pook migrate nock`): source text in, source text out; core/ only
//   remote/         pook/remote: drives a mock server's mocks from another process (public surface only)
//   server/         pook/server: the mock server, its mock files (HAR through har/'s conversion) and admin API
//                   (protocol/ is shared with remote/)
//   integrations/   runner integrations: pook's public surface only (src/index.ts)
//   index.ts        the public surface: re-exports (the Node entry)
//   browser/        the browser build's surface and wiring (pook/browser): never reaches Node-only code
//   api/            module functions, use() scopes, request router, wiring
//   interceptors/   one folder per client family, on shared/; they see core/ only
//   diagnostics/    reports: ranking, text, assertions, summaries, debug log
//   engine/         Engine, Mock, PookResponse, mock index, network policy, ports
//   matchers/       one matcher per file
//   core/           PookRequest, resolved responses, errors, contracts, argument checks
//
// `npm run lint` runs it (depcruise src); test/architecture.test.ts checks
// that these rules see the real tree and that they reject an upward import.

/** A rule: files under `from` import nothing under src/ but what `allowed` lists. */
const layer = (name, from, allowed, comment) => ({
  name,
  comment,
  severity: 'error',
  from: { path: from },
  to: { path: '^src/', pathNot: allowed },
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import cycle, type-only imports included: the layers must form a tree of dependencies.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    layer('core-is-the-bottom', '^src/core/', ['^src/core/'], 'core/ knows nothing of matchers, mocks, the engine, reports, clients or the API.'),
    layer('matchers-see-core', '^src/matchers/', ['^src/core/', '^src/matchers/'], 'A matcher depends on core types and the result type only.'),
    layer(
      'engine-sees-matchers-and-core',
      '^src/engine/',
      ['^src/core/', '^src/matchers/', '^src/engine/'],
      'The engine and the mock never import reports, clients or the module API: reports come through the Reporter port.',
    ),
    layer(
      'diagnostics-read-the-engine',
      '^src/diagnostics/',
      ['^src/core/', '^src/matchers/', '^src/engine/', '^src/diagnostics/'],
      'Reports read core, matcher and engine objects; nothing below imports them.',
    ),
    layer(
      'interceptor-shared-sees-core',
      '^src/interceptors/shared/',
      ['^src/core/', '^src/interceptors/shared/'],
      'Helpers shared by the interceptors know only core/.',
    ),
    layer(
      'an-interceptor-sees-core-and-shared',
      '^src/interceptors/([^/]+)/',
      ['^src/core/', '^src/interceptors/shared/', '^src/interceptors/$1/'],
      'An interceptor adapts one client family: it builds PookRequests and carries out outcomes, never matches, and never imports another family or the engine.',
    ),
    layer(
      'api-is-below-the-surface',
      '^src/api/',
      ['^src/core/', '^src/matchers/', '^src/engine/', '^src/diagnostics/', '^src/interceptors/', '^src/api/'],
      'The module API imports every layer below it, never the public surface or the integrations.',
    ),
    layer(
      'integrations-use-the-public-surface',
      '^src/integrations/',
      ['^src/index\\.ts$', '^src/har/index\\.ts$', '^src/integrations/'],
      "Runner integrations use pook's public surface only (in the build, 'pook' itself), and pook/har's (for cassette(), in the build 'pook/har').",
    ),
    // The browser build (docs/browsers.md): its entry re-exports the module
    // API and installs the fetch and XHR interceptors; nothing of it may
    // reach the interceptors or the Node wiring that need Node's builtins.
    layer(
      'browser-is-a-second-surface',
      '^src/browser/',
      ['^src/core/', '^src/matchers/', '^src/engine/', '^src/diagnostics/', '^src/interceptors/', '^src/api/', '^src/browser/'],
      'The browser entry sits where index.ts does: on the module API and the layers below it.',
    ),
    {
      name: 'browser-never-reaches-node-only-code',
      comment:
        "Nothing reachable from the browser entry is Node's: the node:http and undici interceptors, the Node entry's wiring (api/node-*.ts), or the lists that name them (api/public-classes.ts, api/namespace.ts). dist/browser.js is built for platform 'browser', where a Node builtin fails the build.",
      severity: 'error',
      from: { path: '^src/browser/' },
      to: { path: '^src/(interceptors/(http|undici)/|api/node-|api/public-classes\\.ts$|api/namespace\\.ts$|index\\.ts$)', reachable: true },
    },
    layer(
      'har-uses-the-public-surface',
      '^src/har/',
      ['^src/index\\.ts$', '^src/har/', '^src/core/version\\.ts$'],
      "Record and replay (pook/har) is built on pook's public surface only (in the build, 'pook' itself), plus pook's version for the HAR creator.",
    ),
    layer(
      'cli-is-the-top',
      '^src/cli/',
      ['^src/(?!integrations/)'],
      'The `pook` program: its subcommands may use any layer (a process of its own), never a runner integration.',
    ),
    layer(
      'migrate-stands-alone',
      '^src/migrate/',
      ['^src/migrate/', '^src/core/'],
      'The codemods (pook migrate) read and rewrite source text: they use no engine, mock or interceptor, and only the CLI loads them.',
    ),
    layer(
      'server-is-a-process-of-its-own',
      '^src/server/',
      [
        '^src/core/',
        '^src/matchers/',
        '^src/engine/',
        '^src/diagnostics/',
        '^src/api/wiring\\.ts$',
        '^src/interceptors/shared/content-encoding\\.ts$',
        '^src/har/',
        '^src/server/',
      ],
      "The mock server answers with an Engine (no interceptors): it uses the layers up to diagnostics, the wiring that hands the engine its reports, the interceptors' Content-Encoding step (a mock's body goes on the wire encoded as in-process), and pook/har's HAR-to-mock conversion for .har mock files.",
    ),
    {
      name: 'server-never-reaches-the-public-surface',
      comment:
        "The server bundles its own engine: nothing it reaches may import pook's public surface (in the build, 'pook' itself, whose mocks are another engine's). Of src/har/ it may use only the files that do not (har-entry-mock.ts, har-format.ts…), never loadHar.",
      severity: 'error',
      from: { path: '^src/server/' },
      to: { path: '^src/index\\.ts$', reachable: true },
    },
    layer(
      'remote-uses-the-public-surface',
      '^src/remote/',
      ['^src/index\\.ts$', '^src/server/protocol/', '^src/remote/'],
      "The remote client is built on pook's public surface (in the build, 'pook' itself) and the server's wire protocol, which imports nothing of pook.",
    ),
    {
      name: 'server-protocol-imports-nothing',
      comment: 'The wire protocol is shared by the server and pook/remote: it imports nothing of pook.',
      severity: 'error',
      from: { path: '^src/server/protocol/' },
      to: { path: '^src/', pathNot: '^src/server/protocol/' },
    },
    {
      name: 'no-unknown-folder',
      comment: 'Every file of src/ is in a layer that has its rule here: a new folder needs a rule (and a line in docs/architecture.md).',
      severity: 'error',
      from: {
        path: '^src/',
        pathNot: '^src/(core|matchers|engine|diagnostics|interceptors/[^/]+|api|integrations|cli|migrate|server|remote|browser|har)/|^src/index\\.ts$',
      },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports are dependencies too (`import type`, `export type … from`).
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
