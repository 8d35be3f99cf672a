import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PookError } from '../core/errors/pook-error.js';

/** A certificate and its private key, PEM. */
export interface TlsCredentials {
  /** The certificate (chain), PEM: what clients are shown. */
  readonly cert: string | Buffer;
  /** The certificate's private key, PEM, unencrypted. */
  readonly key: string | Buffer;
}

/**
 * A self-signed certificate for localhost, 127.0.0.1 and ::1, valid one
 * day, made by the `openssl` program (Node has no certificate maker).
 * @throws PookError when openssl is not installed
 */
export function selfSignedCertificate(): TlsCredentials {
  const dir = mkdtempSync(join(tmpdir(), 'pook-tls-'));
  try {
    const cert = join(dir, 'cert.pem');
    const key = join(dir, 'key.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1',
        '-keyout',
        key,
        '-out',
        cert,
      ],
      { stdio: 'ignore' },
    );
    return { cert: readFileSync(cert), key: readFileSync(key) };
  } catch (cause) {
    throw new PookError(
      `pook: cannot make a self-signed certificate: the openssl program failed (${(cause as Error).message}); pass a certificate with --cert and --key.`,
      'POOK_ERROR',
      { cause },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
