/**
 * `RegExp.test` without the `lastIndex` trap: a global or sticky expression
 * would otherwise alternate between true and false on the same input.
 */
export function testRegExp(re: RegExp, value: string): boolean {
  re.lastIndex = 0;
  return re.test(value);
}
