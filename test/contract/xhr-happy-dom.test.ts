// @vitest-environment happy-dom
import { xhrAdapter } from '../helpers/xhr-client.js';
import { describeContract } from './contract.js';

describeContract(xhrAdapter('XMLHttpRequest (happy-dom)'));
