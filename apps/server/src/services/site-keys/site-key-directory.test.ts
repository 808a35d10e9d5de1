import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../lib/clock';
import { createSqliteStore } from '../../store/sqlite-store';
import type { Store } from '../../store/store';
import { defaultGreeting, SiteKeyDirectory } from './site-key-directory';

const stores: Store[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

async function freshStore(): Promise<Store> {
  const store = await createSqliteStore({ file: ':memory:' });
  stores.push(store);
  return store;
}

/** A node starting with this `SITES` on the store (a restart is a new directory on the same store). */
const start = (store: Store, sites: Record<string, string[]>) =>
  new SiteKeyDirectory(store, { sites, siteName: 'Harbor & Pine' }, systemClock);

describe('site keys seeded from SITES', () => {
  it('copies each configured key once, with the site name and the default greeting', async () => {
    const store = await freshStore();
    expect(await start(store, { demo: ['self'] }).find('demo')).toMatchObject({
      key: 'demo',
      name: 'Harbor & Pine',
      origins: ['self'],
      greeting: defaultGreeting('Harbor & Pine'),
    });
  });

  it('keeps an admin’s edits and deletions across restarts, and copies a key added to SITES later', async () => {
    const store = await freshStore();
    await start(store, { demo: ['self'], old: ['https://old.example'] }).seeded();
    await store.updateSiteKey('demo', { greeting: 'Edited', updatedAt: new Date().toISOString() });
    await store.deleteSiteKey('old');

    const restarted = start(store, {
      demo: ['https://other.example'],
      old: ['https://old.example'],
      shop: ['*'],
    });
    expect((await restarted.list()).map((s) => [s.key, s.origins, s.greeting])).toEqual([
      ['demo', ['self'], 'Edited'],
      ['shop', ['*'], defaultGreeting('Harbor & Pine')],
    ]);
  });

  it('two nodes seeding at once end with one copy of each key', async () => {
    const store = await freshStore();
    await Promise.all([start(store, { demo: ['self'] }).seeded(), start(store, { demo: ['self'] }).seeded()]);
    expect((await store.listSiteKeys()).map((s) => s.key)).toEqual(['demo']);
  });
});
