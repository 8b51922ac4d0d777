import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { dataDir, env } from '@/config/env';
import { logger } from '@/logger';
import { processGlobals } from '@/server/process-globals';

/**
 * AUTH_SECRET signs admin sessions. When it is not configured, a strong one
 * is generated once and kept in the data folder (mode 0600) so sessions
 * survive restarts; there is never a built-in default.
 */
export function getAuthSecret(): Uint8Array {
  if (processGlobals.tanyaAuthSecret) return processGlobals.tanyaAuthSecret;
  const secret = env.AUTH_SECRET ?? readOrCreateSecretFile(path.join(dataDir, 'auth-secret'));
  return (processGlobals.tanyaAuthSecret = new TextEncoder().encode(secret));
}

/**
 * The secrets whose signatures are accepted: the current one first, then
 * AUTH_SECRET_PREVIOUS while a rotation is under way, so admins stay signed
 * in until their sessions (signed with the old secret) run out.
 */
export function getVerificationSecrets(): Uint8Array[] {
  const current = getAuthSecret();
  return env.AUTH_SECRET_PREVIOUS ? [current, new TextEncoder().encode(env.AUTH_SECRET_PREVIOUS)] : [current];
}

function readOrCreateSecretFile(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  try {
    fs.writeFileSync(file, `${secret}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    // Another process created it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return fs.readFileSync(file, 'utf8').trim();
    throw error;
  }
  logger.warn({ file }, 'AUTH_SECRET is not set: generated one and stored it in the data folder (mode 0600); set AUTH_SECRET to manage it yourself');
  return secret;
}
