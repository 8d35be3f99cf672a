// @vitest-environment jsdom
import { describeXhrBehaviour } from '../helpers/xhr-behaviour.js';

describeXhrBehaviour('jsdom');
