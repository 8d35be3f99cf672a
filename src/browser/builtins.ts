import { useBuiltinLoader } from '../core/builtin.js';

// A page has no Node builtins, even where a polyfill puts a `process` on
// the global object: the browser entry says so first, before any module
// that looks one up as it loads. The features that need one (file bodies,
// Content-Encoding, the jsonSchema() and xml() matchers, NODE_DEBUG) fail
// with a PookError that says so, or fall back (docs/browsers.md).

useBuiltinLoader(() => undefined);
