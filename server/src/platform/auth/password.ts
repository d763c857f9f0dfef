import { hash, verify } from '@node-rs/argon2';

// argon2id with OWASP's second recommended profile (19 MiB, 2 passes).
const opts = { algorithm: 2 /* Argon2id */, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const hashPassword = (pw: string) => hash(pw, opts);

export async function verifyPassword(stored: string, pw: string): Promise<boolean> {
  try {
    return await verify(stored, pw);
  } catch {
    return false;
  }
}

/** A hash of a random password, verified against when the user does not exist, so timing does not reveal usernames. */
let decoy: Promise<string> | null = null;
export const decoyHash = () => (decoy ??= hashPassword(`decoy-${Math.random()}`));
