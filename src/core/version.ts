/**
 * pook's version, as package.json gives it (test/unit/version.test.ts keeps
 * the two equal). HAR files name it as their creator and the CLI prints it.
 */
export const POOK_VERSION = '0.1.0';
