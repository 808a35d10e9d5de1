import { describe, expect, it } from 'vitest';
import { createSqliteStore } from '../../store/sqlite-store';
import { defaultCannedResponses, seedCannedResponses } from './seed-canned-responses';

const at = '2026-01-01T00:00:00.000Z';

describe('seedCannedResponses', () => {
  it('gives an empty store the starting set once; a team that deleted them all does not get them back', async () => {
    const store = await createSqliteStore({ file: ':memory:' });
    await seedCannedResponses(store, at);
    const seeded = await store.listCannedResponses();
    expect(seeded.map((c) => c.shortcut)).toEqual(['greeting', 'refund', 'shipping']);
    expect(seeded.every((c) => c.createdBy === null)).toBe(true);
    for (const canned of seeded) await store.deleteCannedResponse(canned.id);
    await seedCannedResponses(store, at);
    expect(await store.listCannedResponses()).toEqual([]);
    await store.close();
  });

  it('leaves a store that already has canned responses as it is', async () => {
    const store = await createSqliteStore({ file: ':memory:' });
    await store.createCannedResponse({
      id: 'can_own',
      title: 'Our own',
      shortcut: 'own',
      text: 'Hello',
      createdBy: null,
      createdAt: at,
    });
    await seedCannedResponses(store, at);
    expect((await store.listCannedResponses()).map((c) => c.id)).toEqual(['can_own']);
    await store.close();
  });

  it('uses only the variables the composer fills', () => {
    for (const canned of defaultCannedResponses)
      for (const [, name] of canned.text.matchAll(/\{(\w+)\}/g))
        expect(['name', 'email', 'agent', 'site']).toContain(name);
  });
});
