// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PookRequest } from '../../src/index.js';
import { BodyMatcher } from '../../src/matchers/body.js';

// jsdom replaces the global Uint8Array, so a Node Buffer is not an
// `instanceof Uint8Array` here: byte bodies must still be recognised.
describe('byte bodies under jsdom', () => {
  it('the environment really has another Uint8Array', () => {
    expect(Buffer.from('x') instanceof Uint8Array).toBe(false);
  });

  it('body(Buffer) and file() match the same bytes', () => {
    const request = new PookRequest({ method: 'POST', url: 'http://api.test/', body: Buffer.from('hello') });
    expect(new BodyMatcher(Buffer.from('hello')).match(request).pass).toBe(true);
    expect(new BodyMatcher(Buffer.from('nope')).match(request).pass).toBe(false);
    const certPath = join(process.cwd(), 'test/fixtures/tls/cert.pem');
    const file = BodyMatcher.fromFile(certPath);
    const certRequest = new PookRequest({ method: 'POST', url: 'http://api.test/', body: readFileSync(certPath) });
    expect(file.match(certRequest).pass).toBe(true);
  });
});
