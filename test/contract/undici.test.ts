import { afterAll } from 'vitest';
import { closeDispatchers, undiciAdapter } from '../helpers/undici-client.js';
import { describeContract } from './contract.js';

// The undici package from npm, through the global dispatcher and through
// dispatchers passed explicitly.
describeContract(undiciAdapter('request', 'global'));
describeContract(undiciAdapter('stream', 'global'));
describeContract(undiciAdapter('fetch', 'global'));
describeContract(undiciAdapter('request', 'agent'));
describeContract(undiciAdapter('request', 'pool'));
describeContract(undiciAdapter('fetch', 'agent'));
describeContract(undiciAdapter('fetch', 'pool'));
afterAll(() => closeDispatchers());
