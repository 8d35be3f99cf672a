import { describe, expectTypeOf, it } from 'vitest';
import pook, { type Mock, type PookScope } from '../../src/index.js';
import { configure as configureJest, type PookTestOptions } from '../../src/integrations/jest.js';
import { mochaHooks } from '../../src/integrations/mocha.js';
import { configure as configureNodeTest, it as nodeIt, test as nodeTest } from '../../src/integrations/node-test.js';
import { configure as configureVitest } from '../../src/integrations/vitest.js';

describe('scope types', () => {
  it('use() takes { network, global } and the scope runs functions inside it', () => {
    const scope = pook.use({ network: true, global: true });
    expectTypeOf(scope).toEqualTypeOf<PookScope>();
    expectTypeOf(scope.run(() => 1)).toEqualTypeOf<number>();
    expectTypeOf(scope.run(async () => 'x')).toEqualTypeOf<Promise<string>>();
    expectTypeOf(scope.disposed).toEqualTypeOf<boolean>();
    // @ts-expect-error global is a boolean
    pook.use({ global: 'yes' });
  });

  it('a Mock is Disposable: `using mock = pook.get(url)`', () => {
    expectTypeOf<Mock>().toExtend<Disposable>();
    {
      using mock = pook.get('api.test');
      expectTypeOf(mock).toEqualTypeOf<Mock>();
    }
  });

  it('activate / on keep the decorated method type', () => {
    const method = function (this: { n: number }, x: string): number {
      return this.n + x.length;
    };
    expectTypeOf(pook.activate(method)).toEqualTypeOf<(this: { n: number }, x: string) => number>();
    expectTypeOf(pook.on(async () => 1)).toEqualTypeOf<() => Promise<number>>();
  });
});

describe('runner integration types', () => {
  it('configure() takes the same options in every integration', () => {
    expectTypeOf(configureVitest).toEqualTypeOf(configureJest);
    expectTypeOf(configureNodeTest).parameter(0).toEqualTypeOf<PookTestOptions>();
    configureVitest({ failOnPending: false, failOnUnmatched: true, network: false });
    // @ts-expect-error unknown option
    configureVitest({ failOnPendng: false });
  });

  it('pook/node-test re-exports test/it with node:test types; pook/mocha exports root hooks', () => {
    expectTypeOf(nodeTest).toEqualTypeOf<typeof import('node:test').test>();
    expectTypeOf(nodeIt).toEqualTypeOf<typeof import('node:test').it>();
    expectTypeOf(mochaHooks.beforeEach).toBeFunction();
  });
});
