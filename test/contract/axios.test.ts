import { axiosAdapter } from '../helpers/adapters.js';
import { describeContract } from './contract.js';

describeContract(axiosAdapter);
