import { describe, expect, it } from 'vitest';
import { draftOfSiteKey, fromSiteKeyDraft, siteKeyFieldErrors } from './site-key-form';

const siteKey = {
  key: 'shop',
  name: 'Harbor & Pine',
  greeting: 'Hello!',
  origins: ['https://shop.example', 'self'],
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('site key form', () => {
  it('round-trips a site key', () => {
    const { updatedAt: _at, ...rest } = siteKey;
    expect(fromSiteKeyDraft(draftOfSiteKey(siteKey))).toEqual({ ok: true, value: rest });
  });

  it('refuses origins that are not scheme://host[:port], naming the line', () => {
    const draft = { ...draftOfSiteKey(siteKey), origins: 'https://shop.example\nhttps://shop.example/cart' };
    const result = fromSiteKeyDraft(draft);
    expect(!result.ok && result.errors.origins).toMatch(/^Line 2: .*no path.*write "https:\/\/shop.example"/);
  });

  it('needs a key, a name, a greeting and an origin', () => {
    const result = fromSiteKeyDraft({ key: 'a b', name: ' ', greeting: '', origins: '' });
    expect(!result.ok && Object.keys(result.errors).sort()).toEqual(['greeting', 'key', 'name', 'origins']);
  });

  it('maps the server’s issues to fields', () => {
    expect(
      siteKeyFieldErrors([
        { path: ['origins', 1], message: 'bad' },
        { path: ['greeting'], message: 'empty' },
      ]),
    ).toEqual({
      origins: 'Line 2: bad',
      greeting: 'empty',
    });
  });
});
