import { superagentAdapter } from '../helpers/adapters.js';
import { describeContract } from './contract.js';

describeContract(superagentAdapter);
