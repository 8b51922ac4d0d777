import argon2 from 'argon2';

/** argon2id with the library's defaults (64 MiB, 3 passes), the OWASP baseline. */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/**
 * A real hash to verify against when the email is unknown, so a failed login
 * takes as long whether or not the account exists.
 */
let decoyHash: Promise<string> | undefined;
export function getDecoyHash(): Promise<string> {
  return (decoyHash ??= hashPassword('tanya-decoy-password'));
}
