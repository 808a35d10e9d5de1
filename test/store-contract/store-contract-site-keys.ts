import type { SiteKey } from '@hitl/shared/site-keys';
import { describe, expect, it } from 'vitest';
import { StoreConflictError } from '../../apps/server/src/store/store-errors';
import type { CurrentStore } from './store-contract';
import { at } from './store-fixtures';

const siteKey = (overrides: Partial<SiteKey> = {}): SiteKey => ({
  key: 'shop-eu',
  name: 'Harbor & Pine EU',
  origins: ['https://shop.example', 'http://localhost:8080'],
  greeting: 'Hello! Ask me anything.',
  updatedAt: at(1),
  ...overrides,
});

export function describeSiteKeyContract(current: CurrentStore): void {
  describe('site keys', () => {
    it('creates a site key and reads it back exactly, listed by key', async () => {
      const store = current();
      expect(await store.listSiteKeys()).toEqual([]);
      expect(await store.createSiteKey(siteKey())).toEqual(siteKey());
      await store.createSiteKey(siteKey({ key: 'demo', origins: ['self'] }));
      expect(await store.getSiteKey('shop-eu')).toEqual(siteKey());
      expect(await store.getSiteKey('nope')).toBeNull();
      expect((await store.listSiteKeys()).map((s) => s.key)).toEqual(['demo', 'shop-eu']);
    });

    it('refuses a second site key with the same key and keeps the first', async () => {
      const store = current();
      await store.createSiteKey(siteKey());
      await expect(store.createSiteKey(siteKey({ name: 'Twin' }))).rejects.toBeInstanceOf(StoreConflictError);
      expect(await store.getSiteKey('shop-eu')).toEqual(siteKey());
    });

    it('updates only the given fields', async () => {
      const store = current();
      await store.createSiteKey(siteKey());
      const greeted = await store.updateSiteKey('shop-eu', { greeting: 'Welcome back!', updatedAt: at(2) });
      expect(greeted).toEqual(siteKey({ greeting: 'Welcome back!', updatedAt: at(2) }));
      const moved = await store.updateSiteKey('shop-eu', {
        origins: ['https://new.example'],
        name: 'New name',
        updatedAt: at(3),
      });
      expect(moved).toEqual(
        siteKey({
          greeting: 'Welcome back!',
          origins: ['https://new.example'],
          name: 'New name',
          updatedAt: at(3),
        }),
      );
      expect(await store.getSiteKey('shop-eu')).toEqual(moved);
      expect(await store.updateSiteKey('nope', { name: 'x', updatedAt: at(4) })).toBeNull();
    });

    it('deletes a site key once', async () => {
      const store = current();
      await store.createSiteKey(siteKey());
      expect(await store.deleteSiteKey('shop-eu')).toBe(true);
      expect(await store.deleteSiteKey('shop-eu')).toBe(false);
      expect(await store.getSiteKey('shop-eu')).toBeNull();
      expect(await store.listSiteKeys()).toEqual([]);
    });
  });
}
