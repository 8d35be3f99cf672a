import { gotAdapter } from '../helpers/adapters.js';
import { describeContract } from './contract.js';

describeContract(gotAdapter);
