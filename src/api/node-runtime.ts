import { FetchInterceptor } from '../interceptors/fetch/fetch-interceptor.js';
import { HttpInterceptor } from '../interceptors/http/http-interceptor.js';
import { UndiciInterceptor } from '../interceptors/undici/undici-interceptor.js';
import { XhrInterceptor } from '../interceptors/xhr/xhr-interceptor.js';
import { useDefaultInterceptors } from './current-engine.js';

// What the Node entry (index.ts) intercepts by default: fetch, undici,
// node:http/https and XMLHttpRequest. The browser entry
// (src/browser/runtime.ts) chooses fetch and XMLHttpRequest only, so this
// module, and the interceptors that need Node, stay out of its build.

useDefaultInterceptors(() => [new FetchInterceptor(), new UndiciInterceptor(), new HttpInterceptor(), new XhrInterceptor()]);
