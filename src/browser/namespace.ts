import * as api from '../api/functions.js';
import * as classes from './public-classes.js';

const functions: Omit<typeof api, 'del'> = (({ del: _del, ...rest }: typeof api) => rest)(api);

/**
 * The whole browser API as one object: `import pook from 'pook/browser'`
 * gives the same functions and classes as `import * as pook from 'pook/browser'`.
 *
 * @example
 * ```ts
 * import pook from 'pook/browser';
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
