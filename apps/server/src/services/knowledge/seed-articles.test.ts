import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../knowledge/knowledge-base';
import { createSqliteStore } from '../../store/sqlite-store';
import { seedArticles } from './seed-articles';

const at = '2026-01-01T00:00:00.000Z';

describe('seedArticles', () => {
  it('seeds an empty store from the file once; later starts read the store, not the file', async () => {
    const store = await createSqliteStore({ file: ':memory:' });
    const shipped = loadKnowledgeBase();
    let reads = 0;
    const fromFile = () => {
      reads++;
      return shipped;
    };
    const first = await seedArticles(store, fromFile, at);
    expect(first.map((a) => a.id).sort()).toEqual(shipped.map((a) => a.id).sort());
    await store.updateArticle('greeting', 1, { status: 'retired', updatedBy: null, updatedAt: at });

    const again = await seedArticles(store, fromFile, at);
    expect(reads).toBe(1);
    expect(again.map((a) => a.id)).not.toContain('greeting');
    expect(again).toHaveLength(shipped.length - 1);
    expect((await store.listAudit(10)).filter((e) => e.action === 'knowledge.seeded')).toHaveLength(1);
    await store.close();
  });

  it('lets two nodes starting at once both seed without a duplicate or an error', async () => {
    const store = await createSqliteStore({ file: ':memory:' });
    const shipped = loadKnowledgeBase();
    const [a, b] = await Promise.all([
      seedArticles(store, () => shipped, at),
      seedArticles(store, () => shipped, at),
    ]);
    expect(a).toHaveLength(shipped.length);
    expect(b).toHaveLength(shipped.length);
    expect(await store.listArticles()).toHaveLength(shipped.length);
    await store.close();
  });
});
