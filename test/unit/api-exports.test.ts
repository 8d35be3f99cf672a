import { describe, expect, it } from 'vitest';
import pook, * as ns from '../../src/index.js';

const SPEC_FUNCTIONS = [
  'activate',
  'on',
  'disable',
  'off',
  'reset',
  'isActive',
  'engine',
  'use',
  'mock',
  'get',
  'post',
  'put',
  'patch',
  'delete',
  'head',
  'options',
  'enableNetwork',
  'disableNetwork',
  'useNetworkFilter',
  'flushNetworkFilters',
  'pending',
  'isPending',
  'pendingMocks',
  'unmatchedRequests',
  'unmatched',
  'isUnmatched',
  'isDone',
  'regex',
  'setMockEngine',
  'debug',
];
const SPEC_CLASSES = ['Engine', 'Mock', 'PookRequest', 'PookResponse', 'PookError', 'PookNoMatchesError', 'PookInvalidArgumentError', 'PookInvalidBodyError'];

describe('public surface', () => {
  it('the default export and the namespace have exactly the same members', () => {
    const namespaceKeys = Object.keys(ns)
      .filter((key) => key !== 'default')
      .sort();
    expect(Object.keys(pook).sort()).toEqual(namespaceKeys);
    for (const key of namespaceKeys) expect(pook[key as keyof typeof pook], key).toBe(ns[key as keyof typeof ns]);
  });

  it('every SPEC §2 function and §1 class is exported', () => {
    for (const name of [...SPEC_FUNCTIONS, ...SPEC_CLASSES]) expect(typeof (ns as Record<string, unknown>)[name], name).toBe('function');
  });

  it('exports the diagnostics API (issue 4): assertDone, assertNoUnmatched and their error classes', () => {
    for (const name of ['assertDone', 'assertNoUnmatched', 'PookPendingMocksError', 'PookUnmatchedRequestsError', 'PookCallCountError']) {
      expect(typeof (ns as Record<string, unknown>)[name], name).toBe('function');
      expect((pook as Record<string, unknown>)[name], name).toBe((ns as Record<string, unknown>)[name]);
    }
    expect(new ns.PookPendingMocksError('pook: x', [])).toBeInstanceOf(ns.PookError);
    expect(new ns.PookUnmatchedRequestsError('pook: x', []).code).toBe('POOK_UNMATCHED');
  });

  it('has no aliases beyond the SPEC (no `del`, `isactive`, …)', () => {
    for (const name of ['del', 'isactive', 'ispending', 'pending_mocks', 'enable_network', 'set_mock_engine']) {
      expect(Object.keys(pook), name).not.toContain(name);
      expect(Object.keys(ns), name).not.toContain(name);
    }
  });

  it('the default export is frozen', () => {
    expect(Object.isFrozen(pook)).toBe(true);
  });
});
