import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password';
import { isOriginAllowed } from './site-origins';
import { issueVisitorToken, verifyVisitorToken } from './visitor-tokens';

describe('passwords', () => {
  it('verifies the right password only', async () => {
    const hash = await hashPassword('correct horse');
    expect(hash.startsWith('scrypt$')).toBe(true);
    expect(await verifyPassword('correct horse', hash)).toBe(true);
    expect(await verifyPassword('wrong horse', hash)).toBe(false);
    expect(await verifyPassword('x', 'garbage')).toBe(false);
  });
});

describe('visitor tokens', () => {
  const secret = 's'.repeat(32);
  const nowMs = Date.parse('2026-06-01T12:00:00Z');
  const day = 24 * 3600 * 1000;
  const valid = { nowMs, ttlMs: 30 * day };

  it('round-trips and is bound to the site key and secret', () => {
    const { token, visitorId } = issueVisitorToken(secret, 'demo', { nowMs });
    expect(verifyVisitorToken(secret, 'demo', token, valid)).toBe(visitorId);
    expect(verifyVisitorToken(secret, 'other', token, valid)).toBeNull();
    expect(verifyVisitorToken('t'.repeat(32), 'demo', token, valid)).toBeNull();
    expect(verifyVisitorToken(secret, 'demo', `${token}x`, valid)).toBeNull();
  });

  it('keeps the visitor id when renewed', () => {
    const first = issueVisitorToken(secret, 'demo', { nowMs });
    const renewed = issueVisitorToken(secret, 'demo', { visitorId: first.visitorId, nowMs: nowMs + day });
    expect(renewed.visitorId).toBe(first.visitorId);
    expect(renewed.token).not.toBe(first.token);
  });

  it('expires after its lifetime and refuses one issued in the future', () => {
    const { token, visitorId } = issueVisitorToken(secret, 'demo', { nowMs });
    expect(verifyVisitorToken(secret, 'demo', token, { nowMs: nowMs + 30 * day, ttlMs: 30 * day })).toBe(
      visitorId,
    );
    expect(
      verifyVisitorToken(secret, 'demo', token, { nowMs: nowMs + 31 * day, ttlMs: 30 * day }),
    ).toBeNull();
    expect(
      verifyVisitorToken(secret, 'demo', token, { nowMs: nowMs - 3600_000, ttlMs: 30 * day }),
    ).toBeNull();
  });

  it.each([
    ['empty', ''],
    ['the old format', 'v1.v_abc.c2ln'],
    ['missing parts', 'v2..'],
    ['an extra segment', (t: string) => `${t}.extra`],
    ['a segment dropped', (t: string) => t.split('.').slice(0, 3).join('.')],
    ['a bad issue time', (t: string) => t.replace(/^(v2\.[^.]+\.)[^.]+/, '$1ZZ')],
    ['another version', (t: string) => t.replace(/^v2/, 'v3')],
  ] as const)('refuses %s', (_, make) => {
    const { token } = issueVisitorToken(secret, 'demo', { nowMs });
    const bad = typeof make === 'string' ? make : make(token);
    expect(verifyVisitorToken(secret, 'demo', bad, valid)).toBeNull();
  });
});

describe('site origins', () => {
  const sites: Record<string, string[]> = { demo: ['self'], shop: ['https://shop.example'], open: ['*'] };
  it.each([
    ['demo', 'http://localhost:3000', true],
    ['demo', 'http://evil.example', false],
    ['demo', undefined, true],
    ['shop', 'https://shop.example', true],
    ['shop', 'http://shop.example', false],
    ['open', 'http://anything.example', true],
    ['missing', 'http://localhost:3000', false],
  ] as const)('%s from %s → %s', (key, origin, allowed) => {
    expect(isOriginAllowed(sites[key], origin, 'http://localhost:3000')).toBe(allowed);
  });
});
