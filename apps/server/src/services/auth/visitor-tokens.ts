import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const sign = (secret: string, siteKey: string, visitorId: string) =>
  createHmac('sha256', secret).update(`${siteKey}.${visitorId}`).digest('base64url');

/** A visitor token `v1.<visitorId>.<hmac>` bound to one site key. */
export function issueVisitorToken(
  secret: string,
  siteKey: string,
  visitorId?: string,
): { token: string; visitorId: string } {
  const id =
    visitorId ??
    `v_${randomBytes(12)
      .toString('base64url')
      .replace(/[^A-Za-z0-9]/g, 'x')}`;
  return { token: `v1.${id}.${sign(secret, siteKey, id)}`, visitorId: id };
}

/** The visitor id when the token is genuine for this site key, else null. */
export function verifyVisitorToken(secret: string, siteKey: string, token: string): string | null {
  const [version, visitorId, signature] = token.split('.');
  if (version !== 'v1' || !visitorId || !signature || !/^[A-Za-z0-9_-]{1,64}$/.test(visitorId)) return null;
  const expected = Buffer.from(sign(secret, siteKey, visitorId));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? visitorId : null;
}
