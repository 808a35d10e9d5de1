import type { VisitorIdentity, VisitorPage } from '@hitl/shared/visitor-context';
import { describe, expect, it } from 'vitest';
import type { Store } from '../../apps/server/src/store/store';
import type { CurrentStore } from './store-contract';
import { at, conversationFixture, uniqueId } from './store-fixtures';

const identity: VisitorIdentity = {
  name: 'Dana Scully',
  email: 'dana@example.com',
  externalId: 'cust-42',
  at: at(1),
};

const page = (url: string, seconds: number): VisitorPage => ({
  url,
  title: 'Harbor & Pine — Candles',
  referrer: 'https://search.example/?q=candles',
  language: 'en-GB',
  timeZone: 'Europe/London',
  utcOffsetMinutes: 60,
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0.0.0 Safari/537.36',
  at: at(seconds),
});

/** Creates a conversation of the visitor last updated at `at(seconds)`. */
async function conversationAt(store: Store, siteKey: string, visitorId: string, seconds: number) {
  const created = await store.createConversation(
    conversationFixture({ siteKey, visitorId, createdAt: at(0) }),
  );
  await store.transitionConversation(created.id, ['bot'], { updatedAt: at(seconds) });
  return created.id;
}

export function describeVisitorContract(current: CurrentStore): void {
  describe('visitor profiles', () => {
    it('returns null for a visitor that never sent anything', async () => {
      expect(await current().getVisitorProfile('site_demo', uniqueId('visitor'))).toBeNull();
    });

    it('stores the identity and the page as parts, each replaced on its own', async () => {
      const store = current();
      const visitorId = uniqueId('visitor');
      const first = await store.updateVisitorProfile('site_demo', visitorId, {
        page: page('https://shop.example/candles', 1),
        updatedAt: at(1),
      });
      expect(first).toEqual({
        siteKey: 'site_demo',
        visitorId,
        identity: null,
        page: page('https://shop.example/candles', 1),
        updatedAt: at(1),
      });
      await store.updateVisitorProfile('site_demo', visitorId, { identity, updatedAt: at(2) });
      const moved = await store.updateVisitorProfile('site_demo', visitorId, {
        page: page('https://shop.example/checkout', 3),
        updatedAt: at(3),
      });
      expect(moved).toEqual({
        siteKey: 'site_demo',
        visitorId,
        identity,
        page: page('https://shop.example/checkout', 3),
        updatedAt: at(3),
      });
      expect(await store.getVisitorProfile('site_demo', visitorId)).toEqual(moved);
    });

    it('keeps visitors of other sites and other visitors apart', async () => {
      const store = current();
      const visitorId = uniqueId('visitor');
      await store.updateVisitorProfile('site_demo', visitorId, { identity, updatedAt: at(1) });
      expect(await store.getVisitorProfile('site_other', visitorId)).toBeNull();
      expect(await store.getVisitorProfile('site_demo', uniqueId('visitor'))).toBeNull();
    });

    it('keeps both parts of concurrent first updates', async () => {
      const store = current();
      const visitorId = uniqueId('visitor');
      await Promise.all([
        store.updateVisitorProfile('site_demo', visitorId, { identity, updatedAt: at(1) }),
        store.updateVisitorProfile('site_demo', visitorId, {
          page: page('https://shop.example/', 1),
          updatedAt: at(1),
        }),
      ]);
      const profile = await store.getVisitorProfile('site_demo', visitorId);
      expect(profile?.identity).toEqual(identity);
      expect(profile?.page?.url).toBe('https://shop.example/');
    });
  });

  describe("a visitor's conversations", () => {
    it('lists them newest first without the excluded one, in pages, and only that visitor’s', async () => {
      const store = current();
      const visitorId = uniqueId('visitor');
      const ids = [];
      for (const seconds of [10, 30, 20, 40])
        ids.push(await conversationAt(store, 'site_demo', visitorId, seconds));
      const [at10, at30, at20, at40] = ids as [string, string, string, string];
      await conversationAt(store, 'site_demo', uniqueId('visitor'), 50);
      await conversationAt(store, 'site_other', visitorId, 60);

      const first = await store.listVisitorConversations({
        siteKey: 'site_demo',
        visitorId,
        excludeId: at40,
        limit: 2,
      });
      expect(first.map((c) => c.id)).toEqual([at30, at20]);
      const last = first[1];
      if (!last) throw new Error('expected a second conversation');
      const second = await store.listVisitorConversations({
        siteKey: 'site_demo',
        visitorId,
        excludeId: at40,
        limit: 2,
        before: { updatedAt: last.updatedAt, id: last.id },
      });
      expect(second.map((c) => c.id)).toEqual([at10]);
      const all = await store.listVisitorConversations({ siteKey: 'site_demo', visitorId, limit: 10 });
      expect(all.map((c) => c.id)).toEqual([at40, at30, at20, at10]);
    });

    it('breaks ties of updatedAt by id, descending, across pages', async () => {
      const store = current();
      const visitorId = uniqueId('visitor');
      const ids = [];
      for (let i = 0; i < 3; i++) ids.push(await conversationAt(store, 'site_demo', visitorId, 5));
      const expected = [...ids].sort().reverse();
      const first = await store.listVisitorConversations({ siteKey: 'site_demo', visitorId, limit: 2 });
      const tail = first[1];
      if (!tail) throw new Error('expected two conversations');
      const rest = await store.listVisitorConversations({
        siteKey: 'site_demo',
        visitorId,
        limit: 2,
        before: { updatedAt: tail.updatedAt, id: tail.id },
      });
      expect([...first, ...rest].map((c) => c.id)).toEqual(expected);
    });
  });
}
