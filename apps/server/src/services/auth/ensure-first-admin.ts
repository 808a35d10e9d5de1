import { randomBytes } from 'node:crypto';
import { createId } from '../../lib/ids';
import type { Store } from '../../store/store';
import { hashPassword } from './password';

export interface FirstAdmin {
  email: string;
  /**
   * Only when it was generated now, to be shown once; null when the admin existed or the operator gave the
   * password (ADMIN_PASSWORD), which is never echoed back.
   */
  password: string | null;
  created: boolean;
}

/** Creates the first admin on an empty store, with the given password or a generated one. */
export async function ensureFirstAdmin(
  store: Store,
  options: { email: string; name: string; password?: string | undefined },
  now: Date,
): Promise<FirstAdmin> {
  if ((await store.countAgents()) > 0) return { email: options.email, password: null, created: false };
  const generated = options.password === undefined;
  const password = options.password ?? randomBytes(12).toString('base64url');
  await store.createAgent({
    id: createId('agt'),
    email: options.email.toLowerCase(),
    name: options.name,
    role: 'admin',
    passwordHash: await hashPassword(password),
    createdAt: now.toISOString(),
  });
  return { email: options.email, password: generated ? password : null, created: true };
}
