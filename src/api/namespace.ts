import * as api from './functions.js';
import * as classes from './public-classes.js';

// `del` is only the source name of `delete` (a reserved word), not part of the
// API (the README lists every function; there are no other aliases): the default export leaves it out, as the
// named exports do.
const functions: Omit<typeof api, 'del'> = (({ del: _del, ...rest }: typeof api) => rest)(api);

/**
 * The whole API as one object: `import pook from 'pook'` gives the same
 * functions and classes as `import * as pook from 'pook'`.
 *
 * @example
 * ```ts
 * import pook from 'pook';
 * pook.activate();
 * pook.get('https://api.test/users').reply(200).json([{ id: 1 }]);
 * ```
 */
const pook: Omit<typeof api, 'del'> & { readonly delete: typeof api.del } & typeof classes = Object.freeze({
  ...functions,
  delete: api.del,
  ...classes,
});

export default pook;
