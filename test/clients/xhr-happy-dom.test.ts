// @vitest-environment happy-dom
import { describeXhrBehaviour } from '../helpers/xhr-behaviour.js';

describeXhrBehaviour('happy-dom');
