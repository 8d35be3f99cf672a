import { describe, expect, it } from 'vitest';
import { Mock } from '../../src/index.js';
import { XmlMatcher } from '../../src/matchers/xml.js';
import { invalidArgument, request } from './support.js';

const post = (body?: string) => request({ url: 'http://a.test/', method: 'POST', body });
const same = (expected: string, actual: string) => new XmlMatcher(expected).match(post(actual)).pass;

describe('xml matcher', () => {
  it('equal documents match', () => {
    expect(same('<user id="1"><name>ada</name></user>', '<user id="1"><name>ada</name></user>')).toBe(true);
  });

  it('whitespace between elements does not count', () => {
    expect(same('<user><name>ada</name><age>36</age></user>', '<user>\n  <name>ada</name>\n  <age>36</age>\n</user>\n')).toBe(true);
  });

  it('the order of differently named siblings does not count', () => {
    expect(same('<user><name>ada</name><age>36</age></user>', '<user><age>36</age><name>ada</name></user>')).toBe(true);
  });

  it('the order of same-named siblings counts', () => {
    expect(same('<list><i>1</i><i>2</i></list>', '<list><i>2</i><i>1</i></list>')).toBe(false);
  });

  it('attribute order does not count, attribute values do', () => {
    expect(same('<a x="1" y="2"/>', '<a y="2" x="1"/>')).toBe(true);
    const result = new XmlMatcher('<a x="1"/>').match(post('<a x="2"/>'));
    expect(result).toMatchObject({ pass: false, expectation: 'xml', expected: '<a x="1"/>', actual: '<a x="2"/>' });
    expect(result.reason).toContain('@x');
  });

  it('a missing or extra attribute fails', () => {
    expect(same('<a x="1"/>', '<a/>')).toBe(false);
    expect(same('<a/>', '<a x="1"/>')).toBe(false);
  });

  it('element text counts, and is compared as text', () => {
    expect(same('<n>1</n>', '<n>2</n>')).toBe(false);
    expect(same('<n>1</n>', '<n>1.0</n>')).toBe(false);
  });

  it('the XML declaration does not count', () => {
    expect(same('<a>1</a>', '<?xml version="1.0" encoding="UTF-8"?><a>1</a>')).toBe(true);
  });

  it('a missing element fails with its path', () => {
    const result = new XmlMatcher('<user><name>ada</name><age>36</age></user>').match(post('<user><name>ada</name></user>'));
    expect(result.pass).toBe(false);
    expect(result.reason).toContain('$.user.age: missing');
  });

  it('a body that is not well-formed fails with a reason', () => {
    const result = new XmlMatcher('<a/>').match(post('<a><b></a>'));
    expect(result).toMatchObject({ pass: false, actual: '<a><b></a>' });
    expect(result.reason).toMatch(/not well-formed XML/);
  });

  it('a RegExp is tested against the raw text', () => {
    expect(new XmlMatcher(/<name>ada<\/name>/).match(post('<user><name>ada</name></user>')).pass).toBe(true);
    expect(new XmlMatcher(/<name>bob<\/name>/).match(post('<user><name>ada</name></user>'))).toMatchObject({ pass: false, expected: /<name>bob<\/name>/ });
  });

  it('xml() and the option agree', () => {
    const req = post('<a>2</a>');
    expect(new Mock().xml('<a>1</a>').explain(req).results).toEqual(new Mock({ xml: '<a>1</a>' }).explain(req).results);
  });

  it('rejects a document that is not well-formed, or empty', () => {
    invalidArgument(() => new Mock().xml('<a><b></a>'), 'xml');
    invalidArgument(() => new Mock().xml(''), 'xml');
    invalidArgument(() => new Mock().xml({} as unknown as string), 'xml');
  });
});
