import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The runner integrations' shipped .d.ts/.d.cts, type-checked in a consumer
// project with skipLibCheck off, through the package's "exports" subpaths,
// from ESM and from CommonJS. `npm test` builds dist/ first.

const root = fileURLToPath(new URL('../../', import.meta.url));

const ESM = `
import { configure, type PookTestOptions } from 'pook/vitest';
import { configure as configureJest } from 'pook/jest';
import { configure as configureMocha, mochaHooks } from 'pook/mocha';
import { after, before, configure as configureNodeTest, describe, it, test } from 'pook/node-test';
const options: PookTestOptions = { failOnPending: false, failOnUnmatched: true, network: false };
configure(options);
configureJest(options);
configureMocha(options);
configureNodeTest(options);
// @ts-expect-error unknown option
configure({ failOnPendng: false });
void mochaHooks.beforeEach, after, before, describe, it, test;
`;
const CJS = `
import vitest = require('pook/vitest');
import jest = require('pook/jest');
import mocha = require('pook/mocha');
import nodeTest = require('pook/node-test');
const options: vitest.PookTestOptions = { network: true };
jest.configure(options);
void vitest.configure, mocha.mochaHooks, nodeTest.test;
`;
const TSCONFIG = {
  compilerOptions: {
    strict: true,
    exactOptionalPropertyTypes: true,
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    target: 'ES2022',
    lib: ['ES2023', 'ESNext.Disposable', 'DOM'],
    types: ['node'],
    typeRoots: [join(root, 'node_modules/@types')],
    noEmit: true,
    skipLibCheck: false,
  },
  files: ['esm.mts', 'cjs.cts'],
};

describe('runner integration type declarations', () => {
  it('type-check in a consumer project, from ESM and from CommonJS', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pook-runner-types-'));
    try {
      mkdirSync(join(dir, 'node_modules'));
      symlinkSync(root, join(dir, 'node_modules', 'pook'), 'dir');
      writeFileSync(join(dir, 'esm.mts'), ESM);
      writeFileSync(join(dir, 'cjs.cts'), CJS);
      writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(TSCONFIG));
      let output = '';
      try {
        execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(dir, 'tsconfig.json')], { encoding: 'utf8', timeout: 60_000 });
      } catch (error) {
        output = String((error as { stdout?: string }).stdout ?? error);
      }
      expect(output).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
