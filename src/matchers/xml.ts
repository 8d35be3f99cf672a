import { describe } from '../core/arguments.js';
import { requirePackage } from '../core/builtin.js';
import { PookInvalidArgumentError } from '../core/errors/invalid-argument-error.js';
import type { Matcher, MatchResult } from '../core/matcher.js';
import type { PookRequest } from '../core/pook-request.js';
import { showValue } from '../core/show-value.js';
import { deepDiff, formatDifferences } from './deep-diff.js';
import { testRegExp } from './regexp.js';

interface XmlParser {
  parse(xml: string): unknown;
}
interface XmlValidator {
  validate(xml: string): true | { err: { msg: string; line: number } };
}

// fast-xml-parser is loaded on the first xml() call, not on import.
let xml: { parser: XmlParser; validator: XmlValidator } | undefined;
function load(): NonNullable<typeof xml> {
  if (xml === undefined) {
    const fxp = requirePackage<{
      XMLParser: new (options: object) => XmlParser;
      XMLValidator: XmlValidator;
    }>('fast-xml-parser', 'the xml() matcher');
    // Text is compared as text (no number coercion); attributes count; same-named
    // siblings become arrays in document order while differently named ones are
    // keys, whose order deep equality ignores.
    const parser = new fxp.XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '@',
      parseTagValue: false,
      parseAttributeValue: false,
      trimValues: true,
      ignoreDeclaration: true,
    });
    xml = { parser, validator: fxp.XMLValidator };
  }
  return xml;
}

function parse(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  const { parser, validator } = load();
  const valid = validator.validate(text);
  if (valid !== true) return { ok: false, error: `${valid.err.msg} (line ${valid.err.line})` };
  return { ok: true, value: parser.parse(text) };
}

/**
 * Matches an XML body structurally: element and attribute values count,
 * whitespace between elements and the order of differently named siblings do
 * not. A RegExp is tested against the raw text.
 *
 * @example
 * ```ts
 * new XmlMatcher('<user id="1"><name>ada</name></user>').match(request).pass;
 * ```
 */
export class XmlMatcher implements Matcher {
  readonly name = 'xml';
  /** The expected document (parsed), or a RegExp. */
  readonly expected: unknown;
  readonly #source: string | RegExp;

  /**
   * @param value - an XML document or a RegExp
   * @throws PookInvalidArgumentError when the document is not well-formed
   */
  constructor(value: string | RegExp) {
    this.#source = value;
    if (value instanceof RegExp) {
      this.expected = value;
      return;
    }
    if (typeof value !== 'string' || value.trim() === '')
      throw new PookInvalidArgumentError('xml', `expected an XML string or a RegExp, got ${describe(value)}`);
    const parsed = parse(value);
    if (!parsed.ok) throw new PookInvalidArgumentError('xml', `not well-formed XML: ${parsed.error}`);
    this.expected = parsed.value;
  }

  /** What this matcher expects, on one line. */
  summary(): string {
    return `xml: ${showValue(this.#source, 60)}`;
  }

  /** @param request - the request to check */
  match(request: PookRequest): MatchResult {
    const text = request.text;
    if (this.expected instanceof RegExp) return { pass: testRegExp(this.expected, text), expectation: 'xml', expected: this.expected, actual: text };
    const parsed = parse(text);
    if (!parsed.ok) return { pass: false, expectation: 'xml', expected: this.#source, actual: text, reason: `body is not well-formed XML: ${parsed.error}` };
    const differences = deepDiff(this.expected, parsed.value);
    if (differences.length === 0) return { pass: true, expectation: 'xml', expected: this.#source, actual: text };
    return { pass: false, expectation: 'xml', expected: this.#source, actual: text, reason: formatDifferences(differences), differences };
  }
}
