import { fetchAdapter } from '../helpers/adapters.js';
import { describeContract } from './contract.js';

describeContract(fetchAdapter);
