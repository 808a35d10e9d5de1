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
  it('round-trips and is bound to the site key and secret', () => {
    const { token, visitorId } = issueVisitorToken(secret, 'demo');
    expect(verifyVisitorToken(secret, 'demo', token)).toBe(visitorId);
    expect(verifyVisitorToken(secret, 'other', token)).toBeNull();
    expect(verifyVisitorToken('t'.repeat(32), 'demo', token)).toBeNull();
    expect(verifyVisitorToken(secret, 'demo', `${token}x`)).toBeNull();
    expect(verifyVisitorToken(secret, 'demo', 'v1..')).toBeNull();
  });
});

describe('site origins', () => {
  const sites = { demo: ['self'], shop: ['https://shop.example'], open: ['*'] };
  it.each([
    ['demo', 'http://localhost:3000', true],
    ['demo', 'http://evil.example', false],
    ['demo', undefined, true],
    ['shop', 'https://shop.example', true],
    ['shop', 'http://shop.example', false],
    ['open', 'http://anything.example', true],
    ['missing', 'http://localhost:3000', false],
  ] as const)('%s from %s → %s', (key, origin, allowed) => {
    expect(isOriginAllowed(sites, key, origin, 'http://localhost:3000')).toBe(allowed);
  });
});
