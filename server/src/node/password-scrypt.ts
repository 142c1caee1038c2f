import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { PasswordHasher } from '../editor/auth.js';

/** scrypt's recommended interactive parameters (N = 2^15, r = 8, p = 1; RFC 7914, OWASP). */
const PARAMS = { N: 32768, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LENGTH = 32;

const derive = (password: string, salt: Buffer) =>
  new Promise<Buffer>((resolve, reject) => scrypt(password.normalize('NFC'), salt, KEY_LENGTH, PARAMS, (error, key) => (error ? reject(error) : resolve(key))));

/** Passwords as scrypt hashes with a random salt per account, compared in constant time. */
export function createScryptHasher(): PasswordHasher {
  return {
    async hash(password) {
      const salt = randomBytes(16);
      return { salt: salt.toString('base64'), hash: (await derive(password, salt)).toString('base64') };
    },
    async verify(password, salt, hash) {
      const expected = Buffer.from(hash, 'base64');
      const actual = await derive(password, Buffer.from(salt, 'base64'));
      return expected.length === actual.length && timingSafeEqual(expected, actual);
    },
  };
}
