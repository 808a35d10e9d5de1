import { createHash, randomBytes } from 'node:crypto';
import type { Agent } from '@hitl/shared/models';
import type { Store } from '../../store/store';
import { DomainError } from '../domain-error';
import { verifyPassword } from './password';

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

// Compared against when the e-mail is unknown, so both failures take the same time.
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/** Checks the credentials and opens a session; only the token's hash is stored. */
export async function loginAgent(
  store: Store,
  input: { email: string; password: string },
  now: Date,
  ttlHours: number,
): Promise<{ agent: Agent; token: string; expiresAt: Date }> {
  const found = await store.findAgentCredentials(input.email);
  const valid = await verifyPassword(input.password, found?.passwordHash ?? DUMMY_HASH);
  // A deactivated member gets the same answer as a wrong password: nothing to learn by probing.
  if (!found || !valid || !found.agent.active)
    throw new DomainError('unauthorized', 'Wrong e-mail or password.');
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + ttlHours * 3600_000);
  await store.createSession({
    tokenHash: hashToken(token),
    agentId: found.agent.id,
    createdAt: now.toISOString(),
    expiresAt: expiresAt.toISOString(),
  });
  // Each login clears the sessions that have run out, so the table holds live ones and a few more.
  await store.deleteExpiredSessions(now.toISOString());
  return { agent: found.agent, token, expiresAt };
}

/** The agent behind a session token, or null when it is unknown or expired. */
export async function authenticateAgent(
  store: Store,
  token: string | undefined,
  now: Date,
): Promise<Agent | null> {
  return (await authenticateAgentSession(store, token, now))?.agent ?? null;
}

/** The agent and the session behind a token: its key (to end the session's sockets) and when it ends. */
export async function authenticateAgentSession(
  store: Store,
  token: string | undefined,
  now: Date,
): Promise<{ agent: Agent; sessionKey: string; tokenHash: string; expiresAt: string } | null> {
  if (!token || token.length > 200) return null;
  const tokenHash = hashToken(token);
  const session = await store.getSession(tokenHash, now.toISOString());
  const agent = session ? await store.getAgent(session.agentId) : null;
  return session && agent?.active
    ? { agent, sessionKey: sessionKeyOf(tokenHash), tokenHash, expiresAt: session.expiresAt }
    : null;
}

/** A name for the session that is not its token (room names may be logged). */
export function sessionKeyOf(tokenHash: string): string {
  return tokenHash.slice(0, 24);
}

/** Deletes the session; returns its key so its open sockets can be ended too (null without a token). */
export async function logoutAgent(store: Store, token: string | undefined): Promise<string | null> {
  if (!token) return null;
  const tokenHash = hashToken(token);
  await store.deleteSession(tokenHash);
  return sessionKeyOf(tokenHash);
}

/** Whether a session is still open: not logged out, not expired, not ended by a deactivation or role change. */
export async function isSessionOpen(store: Store, tokenHash: string, now: Date): Promise<boolean> {
  const session = await store.getSession(tokenHash, now.toISOString());
  if (!session) return false;
  return (await store.getAgent(session.agentId))?.active === true;
}
