import { STATUS_CODES } from 'node:http';
import { describe, expect, it } from 'vitest';
import { STATUS_TEXTS } from '../../src/core/status-texts.js';

// pook's responses take their reason phrases from its own table
// (src/core/status-texts.ts), so that answering a request never loads
// node:http for them. On Node the table must be node:http's own, so that a
// mocked response reads as a real server's would: this runs on every Node
// line the suite runs on (22, 24, 26).

describe('STATUS_TEXTS', () => {
  it(`equals node:http's STATUS_CODES on Node ${process.versions.node}`, () => {
    expect({ ...STATUS_TEXTS }).toEqual({ ...STATUS_CODES });
  });
});
