// The browser build (docs/browsers.md): its module graph has no Node
// builtin, dist/browser.js is one self-contained ES module, its size stays
// within the budget docs/browsers.md states, and it exports what the Node
// entry exports but the node:http and undici interceptors.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const dist = (file: string): string => readFileSync(join(root, 'dist', file), 'utf8');

/** The budget for pook/browser, minified and gzipped (docs/browsers.md, "Size"). */
const BUDGET_BYTES = 40 * 1024;

/** Bundles `contents` (resolved from the repository root) for the browser, minified, with its metafile. */
async function bundle(contents: string): Promise<{ code: Uint8Array; inputs: string[]; imports: string[] }> {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: 'ts' },
    bundle: true,
    platform: 'browser',
    format: 'esm',
    minify: true,
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const output = Object.values(result.metafile.outputs)[0]!;
  return { code: result.outputFiles[0]!.contents, inputs: Object.keys(result.metafile.inputs), imports: output.imports.map((i) => i.path) };
}

const NODE_BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

describe('pook/browser', () => {
  it("builds for platform 'browser' with nothing external, and no Node builtin is among its inputs", async () => {
    const { inputs, imports } = await bundle("export * from './src/browser/index.ts';");
    expect(imports).toEqual([]);
    expect(inputs.filter((input) => input.startsWith('node:') || NODE_BUILTINS.has(input))).toEqual([]);
    // Only pook's own source: no dependency (Ajv, fast-xml-parser) is bundled.
    expect(inputs.filter((input) => !input.startsWith('src/') && input !== '<stdin>')).toEqual([]);
    expect(inputs.some((input) => /^src\/interceptors\/(http|undici)\//.test(input))).toBe(false);
  });

  it('dist/browser.js is one ES module that imports nothing', () => {
    const code = dist('browser.js');
    expect(code).not.toMatch(/^\s*import\s*[\w{*'"]/m);
    expect(code).not.toMatch(/\bimport\(\s*["'`]/);
    expect(code).not.toMatch(/\brequire\(\s*["'`]/);
    // Every node: name left is a lookup through the builtin port, which the
    // browser entry answers with "none" (src/browser/builtins.ts).
    for (const line of code.split('\n').filter((text) => /["']node:/.test(text))) {
      expect(line).toMatch(/(optionalBuiltin|builtin)\("node:[a-z_/]+"|startsWith\("node:"\)/);
    }
  });

  it(`stays under ${BUDGET_BYTES / 1024} KB minified and gzipped (msw's browser bundle measures more than twice that)`, async () => {
    const { code } = await bundle("export * from './src/browser/index.ts';");
    const gzipped = gzipSync(code, { level: 9 }).byteLength;
    console.log(`pook/browser: ${(code.byteLength / 1024).toFixed(1)} KB minified, ${(gzipped / 1024).toFixed(1)} KB minified + gzipped`);
    expect(gzipped).toBeLessThan(BUDGET_BYTES);
  });

  it('exports what the Node entry exports but HttpInterceptor and UndiciInterceptor, in values and in types', async () => {
    // In a process of its own, as Node loads the package (the test runner
    // transforms modules): each entry's named exports and default export.
    const script = `
      const names = (m) => ({ named: Object.keys(m).sort(), namespace: Object.keys(m.default).sort() });
      const node = await import(${JSON.stringify(pathToFileURL(join(root, 'dist/index.js')).href)});
      const browser = await import(${JSON.stringify(pathToFileURL(join(root, 'dist/browser.js')).href)});
      console.log(JSON.stringify({ node: names(node), browser: names(browser) }));`;
    const { node, browser } = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }));
    const nodeOnly = ['HttpInterceptor', 'UndiciInterceptor'];
    const withoutNodeOnly = (names: string[]): string[] => names.filter((name) => !nodeOnly.includes(name));
    expect(node.named).toEqual(expect.arrayContaining(nodeOnly));
    expect(browser.named).toEqual(withoutNodeOnly(node.named));
    expect(browser.namespace).toEqual(withoutNodeOnly(node.namespace));
    // Every `export { … }` and `export type { … }` list, `from` another file of the build or not; a name as exported.
    const exported = (file: string): string[] =>
      [...dist(file).matchAll(/^export (?:type )?\{([^}]*)\}(?: from '[^']*')?;$/gm)]
        .flatMap((m) =>
          m[1]!.split(',').map(
            (name) =>
              name
                .trim()
                .split(/\s+as\s+/)
                .at(-1)!,
          ),
        )
        .sort();
    expect(exported('browser.d.ts')).toEqual(exported('index.d.ts').filter((name) => !nodeOnly.includes(name)));
  });
});

describe('docs/browsers.md', () => {
  it('shows the example page and the Vitest browser-mode project the suite runs, byte for byte', () => {
    const markdown = readFileSync(join(root, 'docs/browsers.md'), 'utf8');
    const shown = new Map<string, string>();
    for (const match of markdown.matchAll(/^`([^`\n]+)`:\n\n```\w*\n([\s\S]*?)^```$/gm)) shown.set(match[1]!, match[2]!);
    const files: Record<string, string> = {
      'index.html': 'test/browser/fixture',
      'users.test.js': 'test/browser/fixture',
      'vitest.config.mjs': 'test/runners/vitest-browser/fixture',
      'users.test.mjs': 'test/runners/vitest-browser/fixture',
    };
    expect([...shown.keys()]).toEqual(Object.keys(files));
    for (const [file, text] of shown) expect(text, file).toBe(readFileSync(join(root, files[file]!, file), 'utf8'));
  });
});
