// A mocked response's status text: the standard one of its status unless
// set with statusText(), and what each client shows of it.

import http from 'node:http';
import { request as undiciRequest } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import pook, { PookInvalidArgumentError } from '../../src/index.js';

beforeEach(() => pook.activate());
afterEach(() => {
  pook.off();
  pook.reset();
});

function statusMessage(url: string): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusMessage));
      })
      .on('error', reject);
  });
}

describe('statusText()', () => {
  it("reaches fetch's statusText and node:http's statusMessage", async () => {
    pook.get('http://api.test/gone').persist().reply(404).statusText('Gone Fishing');
    expect((await fetch('http://api.test/gone')).statusText).toBe('Gone Fishing');
    expect(await statusMessage('http://api.test/gone')).toBe('Gone Fishing');
    const { statusCode } = await undiciRequest('http://api.test/gone');
    expect(statusCode).toBe(404);
  });

  it('is the standard text of the status by default, and none when set to ""', async () => {
    pook.get('http://api.test/standard').persist().reply(404);
    pook.get('http://api.test/none').persist().reply(200).statusText('');
    expect((await fetch('http://api.test/standard')).statusText).toBe('Not Found');
    expect(await statusMessage('http://api.test/standard')).toBe('Not Found');
    expect((await fetch('http://api.test/none')).statusText).toBe('');
    expect(await statusMessage('http://api.test/none')).toBe('');
  });

  it('refuses what a status line cannot carry, when the mock is defined', () => {
    const response = pook.get('http://api.test/x').reply(200);
    expect(() => response.statusText('two\r\nlines')).toThrow(PookInvalidArgumentError);
    expect(() => response.statusText('bell\u0007')).toThrow(/no line break, no control character/);
    expect(() => response.statusText(42 as unknown as string)).toThrow(/expected a string/);
  });
});
