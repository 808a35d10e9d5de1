import type { CannedResponse } from '@hitl/shared/canned-responses';
import { describe, expect, it } from 'vitest';
import type { NewCannedResponse } from '../../apps/server/src/store/store';
import { StoreConflictError } from '../../apps/server/src/store/store-errors';
import type { CurrentStore } from './store-contract';
import { agentAuthor, at, reviewerAuthor, uniqueId } from './store-fixtures';

function cannedFixture(overrides: Partial<NewCannedResponse> = {}): NewCannedResponse {
  return {
    id: uniqueId('can'),
    title: 'Refund on its way',
    shortcut: 'refund',
    text: 'Hi {name}, your refund is on its way. — {agent}, {site}',
    createdBy: agentAuthor,
    createdAt: at(1),
    ...overrides,
  };
}

export function describeCannedResponseContract(current: CurrentStore): void {
  describe('canned responses', () => {
    it('creates one and reads it back unchanged, the creator as its last editor', async () => {
      const store = current();
      const input = cannedFixture();
      const expected: CannedResponse = {
        ...input,
        updatedAt: input.createdAt,
        updatedBy: input.createdBy,
      };
      expect(await store.createCannedResponse(input)).toEqual(expected);
      expect(await store.getCannedResponse(input.id)).toEqual(expected);
      expect(await store.listCannedResponses()).toEqual([expected]);
    });

    it('keeps a seeded one without an author', async () => {
      const store = current();
      const input = cannedFixture({ createdBy: null });
      await store.createCannedResponse(input);
      expect(await store.getCannedResponse(input.id)).toMatchObject({ createdBy: null, updatedBy: null });
    });

    it('lists by shortcut', async () => {
      const store = current();
      for (const shortcut of ['shipping', 'greeting', 'refund'])
        await store.createCannedResponse(cannedFixture({ shortcut }));
      expect((await store.listCannedResponses()).map((c) => c.shortcut)).toEqual([
        'greeting',
        'refund',
        'shipping',
      ]);
    });

    it('refuses a second one with the same id or the same shortcut, keeping the first', async () => {
      const store = current();
      const first = await store.createCannedResponse(cannedFixture());
      await expect(
        store.createCannedResponse(cannedFixture({ id: first.id, shortcut: 'other' })),
      ).rejects.toBeInstanceOf(StoreConflictError);
      await expect(
        store.createCannedResponse(cannedFixture({ title: 'Another refund' })),
      ).rejects.toBeInstanceOf(StoreConflictError);
      expect(await store.listCannedResponses()).toEqual([first]);
    });

    it('of concurrent creates with one shortcut exactly one wins', async () => {
      const store = current();
      const results = await Promise.allSettled(
        Array.from({ length: 5 }, () => store.createCannedResponse(cannedFixture({ shortcut: 'race' }))),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const r of results.filter((r) => r.status === 'rejected'))
        expect((r as PromiseRejectedResult).reason).toBeInstanceOf(StoreConflictError);
      expect(await store.listCannedResponses()).toHaveLength(1);
    });

    it('updates title, shortcut and text with the editor, keeping when and by whom it was created', async () => {
      const store = current();
      const created = await store.createCannedResponse(cannedFixture());
      const updated = await store.updateCannedResponse(created.id, {
        title: 'Refund issued',
        shortcut: 'refund-issued',
        text: 'Your refund was issued today.',
        updatedBy: reviewerAuthor,
        updatedAt: at(5),
      });
      const expected: CannedResponse = {
        ...created,
        title: 'Refund issued',
        shortcut: 'refund-issued',
        text: 'Your refund was issued today.',
        updatedBy: reviewerAuthor,
        updatedAt: at(5),
      };
      expect(updated).toEqual(expected);
      expect(await store.getCannedResponse(created.id)).toEqual(expected);
    });

    it("refuses an update to another one's shortcut and changes nothing", async () => {
      const store = current();
      const refund = await store.createCannedResponse(cannedFixture());
      const greeting = await store.createCannedResponse(cannedFixture({ shortcut: 'greeting' }));
      await expect(
        store.updateCannedResponse(greeting.id, {
          title: 'x',
          shortcut: 'refund',
          text: 'x',
          updatedBy: reviewerAuthor,
          updatedAt: at(5),
        }),
      ).rejects.toBeInstanceOf(StoreConflictError);
      expect(await store.listCannedResponses()).toEqual([greeting, refund]);
    });

    it('answers null when updating or deleting one that does not exist', async () => {
      const store = current();
      const patch = { title: 'x', shortcut: 'x', text: 'x', updatedBy: reviewerAuthor, updatedAt: at(5) };
      expect(await store.updateCannedResponse('can_missing', patch)).toBeNull();
      expect(await store.deleteCannedResponse('can_missing')).toBeNull();
      expect(await store.getCannedResponse('can_missing')).toBeNull();
      expect(await store.listCannedResponses()).toEqual([]);
    });

    it('deletes one, returning it, and frees its shortcut', async () => {
      const store = current();
      const created = await store.createCannedResponse(cannedFixture());
      expect(await store.deleteCannedResponse(created.id)).toEqual(created);
      expect(await store.getCannedResponse(created.id)).toBeNull();
      expect(await store.deleteCannedResponse(created.id)).toBeNull();
      await expect(store.createCannedResponse(cannedFixture())).resolves.toMatchObject({
        shortcut: 'refund',
      });
    });
  });
}
