import { nodeFetchAdapter } from '../helpers/adapters.js';
import { describeContract } from './contract.js';

describeContract(nodeFetchAdapter);
