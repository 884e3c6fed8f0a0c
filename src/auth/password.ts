import { randomBytes, randomInt, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * scrypt at OWASP's recommended minimum (N = 2^17, r = 8, p = 1): 128 MiB of memory per hash, so
 * maxmem is raised above Node's 32 MiB default. The parameters are stored with each hash, so they
 * can be raised later without locking anyone out.
 */
export const SCRYPT = { N: 2 ** 17, r: 8, p: 1, keyLength: 32 } as const;
const MAXMEM = 256 * 1024 * 1024;

function derive(password: string, salt: Buffer, N: number, r: number, p: number, keyLength: number) {
  const options: ScryptOptions = { N, r, p, maxmem: MAXMEM };
  return new Promise<Buffer>((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, keyLength, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** `scrypt$N$r$p$salt$hash`, salt and hash in base64url; a fresh 16-byte salt per call. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const { N, r, p, keyLength } = SCRYPT;
  const key = await derive(password, salt, N, r, p, keyLength);
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Whether `password` matches `stored`, compared in constant time. A malformed hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(
    password,
    Buffer.from(salt, 'base64url'),
    Number(n),
    Number(r),
    Number(p),
    expected.length,
  );
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/**
 * A hash of no one's password: checked when the user name is unknown, so a wrong name takes as
 * long as a wrong password and the answer time does not tell which names exist.
 */
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(12).toString('base64url'));
  return dummy;
}
let dummy: Promise<string> | undefined;

/** A password for a new or reset account, shown once: 16 characters, easy to type, no look-alikes. */
export function generatePassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from({ length: 16 }, () => alphabet[randomInt(alphabet.length)]).join('');
}

/**
 * Passwords people pick first, at 10 characters or more (from the published lists of leaked
 * passwords, Chinese ones included): refused however long they are.
 */
const COMMON = new Set([
  '1234567890',
  '0123456789',
  '0987654321',
  '9876543210',
  '12345678910',
  '123456789a',
  'a123456789',
  '1234567890a',
  'qwertyuiop',
  'qwertyuiop123',
  'qwerty123456',
  '1qaz2wsx3edc',
  '1q2w3e4r5t',
  '1q2w3e4r5t6y',
  'zaq12wsxcde3',
  'asdfghjkl123',
  'password12',
  'password123',
  'password1234',
  'passw0rd123',
  'p@ssw0rd123',
  'admin12345',
  'admin123456',
  'administrator',
  'iloveyou123',
  'woaini1314',
  'woaini521521',
  '5201314520',
  '1314520520',
  'abc1234567',
  'abcd123456',
  'abcdefghij',
  'a1b2c3d4e5',
  'aa12345678',
  'qq123456789',
  'taizhang123',
  'taizhang2021',
]);

/** The rule for a new password, in words a clerk understands; null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  if (password.length < 10) return '密码至少 10 个字符';
  if (password.length > 128) return '密码不能超过 128 个字符';
  if (new Set(password).size < 4) return '密码过于简单：请混用不同的字母、数字或符号';
  if (COMMON.has(password.toLowerCase()) || isRun(password)) {
    return '这是最常见的密码之一，很容易被猜中，请换一个';
  }
  return null;
}

/** 1234567890, 9876543210, abcdefghijk: each character one after (or before) the previous. */
function isRun(password: string): boolean {
  const codes = [...password].map((ch) => ch.charCodeAt(0));
  const step = (codes[1] ?? 0) - (codes[0] ?? 0);
  return Math.abs(step) === 1 && codes.every((code, i) => i === 0 || code - (codes[i - 1] ?? 0) === step);
}
