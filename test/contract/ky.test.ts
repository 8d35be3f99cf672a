import { kyAdapter } from '../helpers/adapters.js';
import { describeContract } from './contract.js';

describeContract(kyAdapter);
