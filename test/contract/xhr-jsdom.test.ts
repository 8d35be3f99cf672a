// @vitest-environment jsdom
import { xhrAdapter } from '../helpers/xhr-client.js';
import { describeContract } from './contract.js';

describeContract(xhrAdapter('XMLHttpRequest (jsdom)'));
