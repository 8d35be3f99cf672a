import { useDefaultInterceptors } from '../api/current-engine.js';
import { FetchInterceptor } from '../interceptors/fetch/fetch-interceptor.js';
import { XhrInterceptor } from '../interceptors/xhr/xhr-interceptor.js';

// What the browser entry intercepts by default: the page's fetch and
// XMLHttpRequest (node:http and undici do not exist there).

useDefaultInterceptors(() => [new FetchInterceptor(), new XhrInterceptor()]);
