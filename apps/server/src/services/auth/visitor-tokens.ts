import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Tokens issued this far in the future (clock skew between nodes) are still accepted. */
const allowedSkewSeconds = 60;

const sign = (secret: string, siteKey: string, visitorId: string, issuedAt: string) =>
  createHmac('sha256', secret).update(`v2.${siteKey}.${visitorId}.${issuedAt}`).digest('base64url');

/**
 * A visitor token `v2.<visitorId>.<issued at, seconds, base 36>.<hmac>` bound to one site key. The widget
 * exchanges its token for a fresh one at every page load, so an active visitor keeps their id and
 * history, and a token copied from a page expires with its lifetime.
 */
export function issueVisitorToken(
  secret: string,
  siteKey: string,
  options: { visitorId?: string | undefined; nowMs: number },
): { token: string; visitorId: string } {
  const id =
    options.visitorId ??
    `v_${randomBytes(12)
      .toString('base64url')
      .replace(/[^A-Za-z0-9]/g, 'x')}`;
  const issuedAt = Math.floor(options.nowMs / 1000).toString(36);
  return { token: `v2.${id}.${issuedAt}.${sign(secret, siteKey, id, issuedAt)}`, visitorId: id };
}

/** The visitor id when the token is genuine for this site key and has not expired, else null. */
export function verifyVisitorToken(
  secret: string,
  siteKey: string,
  token: string,
  options: { nowMs: number; ttlMs: number },
): string | null {
  const parts = token.split('.');
  if (parts.length !== 4) return null;
  const [version, visitorId, issuedAt, signature] = parts as [string, string, string, string];
  if (version !== 'v2' || !/^[A-Za-z0-9_-]{1,64}$/.test(visitorId) || !/^[0-9a-z]{1,10}$/.test(issuedAt))
    return null;
  const expected = Buffer.from(sign(secret, siteKey, visitorId, issuedAt));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const age = options.nowMs / 1000 - Number.parseInt(issuedAt, 36);
  return age >= -allowedSkewSeconds && age * 1000 <= options.ttlMs ? visitorId : null;
}
