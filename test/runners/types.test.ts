import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { typecheckConsumer } from '../helpers/consumer-types.js';

// The runner integrations' shipped .d.ts/.d.cts, type-checked in a consumer
// project with skipLibCheck off, through the package's "exports" subpaths,
// from ESM and from CommonJS. `npm test` builds dist/ first.

const root = fileURLToPath(new URL('../../', import.meta.url));

const ESM = `
import { configure, type PookTestOptions } from 'pook/vitest';
import { configure as configureJest } from 'pook/jest';
import { configure as configureMocha, mochaHooks } from 'pook/mocha';
import { after, before, configure as configureNodeTest, describe, it, PookSharedScopeError, test } from 'pook/node-test';
import { isPookError, type PookErrorCode } from 'pook';
const options: PookTestOptions = { failOnPending: false, failOnUnmatched: true, network: false };
configure(options);
configureJest(options);
configureMocha(options);
configureNodeTest(options);
// @ts-expect-error unknown option
configure({ failOnPendng: false });
void mochaHooks.beforeEach, after, before, describe, it, test;
const shared = new PookSharedScopeError('pook: shared', ['a', 'b']);
const code: PookErrorCode = shared.code;
const names: readonly string[] = shared.tests;
void isPookError(shared), code, names;
`;
const CJS = `
import vitest = require('pook/vitest');
import jest = require('pook/jest');
import mocha = require('pook/mocha');
import nodeTest = require('pook/node-test');
const options: vitest.PookTestOptions = { network: true };
jest.configure(options);
void vitest.configure, mocha.mochaHooks, nodeTest.test, new nodeTest.PookSharedScopeError('pook: shared', []).tests;
`;

describe('runner integration type declarations', () => {
  it('type-check in a consumer project, from ESM and from CommonJS', () => {
    const output = typecheckConsumer({ esm: ESM, cjs: CJS }, { types: ['node'], typeRoots: [join(root, 'node_modules/@types')] });
    expect(output).toBe('');
  }, 90_000);
});
