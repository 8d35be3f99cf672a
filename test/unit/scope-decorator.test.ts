import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { afterEach, describe, expect, it } from 'vitest';
import pook, { PookInvalidArgumentError } from '../../src/index.js';
import type { defineClient as DefineClient } from './fixtures/decorated-client.js';

// `activate` / `on` as standard (TC39) method decorators, as `@pook.on` is
// in Python. The class is compiled by TypeScript itself (Vitest's transform
// does not lower standard decorators).

afterEach(() => pook.off());

function loadFixture(): typeof DefineClient {
  const source = readFileSync(new URL('./fixtures/decorated-client.ts', import.meta.url), 'utf8');
  const { outputText } = ts.transpileModule(source, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS } });
  const module = { exports: {} as { defineClient?: typeof DefineClient } };
  new Function('module', 'exports', outputText)(module, module.exports);
  return module.exports.defineClient!;
}

const Client = loadFixture()(pook);

describe('@pook.activate / @pook.on on a class method', () => {
  it('activates around each call, keeps `this` and the result, then disables and resets', async () => {
    const client = new Client('http://decorated.test');
    expect(pook.isActive()).toBe(false);
    await expect(client.status('/x')).resolves.toBe(204);
    expect(pook.isActive()).toBe(false);
    expect(pook.engine().mocks).toEqual([]);
    expect(client.activeInside()).toBe(true);
    expect(pook.isActive()).toBe(false);
  });

  it('disables and resets when the method rejects, with the same error', async () => {
    const client = new Client('http://decorated.test');
    await expect(client.failing()).rejects.toThrow('failing inside');
    expect(pook.isActive()).toBe(false);
    expect(pook.engine().mocks).toEqual([]);
  });

  it('rejects a decorator context other than a method', () => {
    const context = { kind: 'field', name: 'x' } as unknown as ClassMethodDecoratorContext;
    expect(() => pook.activate(() => 1, context)).toThrow(PookInvalidArgumentError);
  });
});
