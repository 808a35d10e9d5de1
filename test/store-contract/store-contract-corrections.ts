import type { Correction } from '@hitl/shared/models';
import type { CorrectionFilter } from '@hitl/shared/rest';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../apps/server/src/store/store';
import { StoreConflictError, StoreNotFoundError } from '../../apps/server/src/store/store-errors';
import type { CurrentStore } from './store-contract';
import {
  agentAuthor,
  at,
  botReplyFixture,
  conversationFixture,
  correctionFixture,
  filterFixture,
  reviewerAuthor,
} from './store-fixtures';

/** A conversation with one bot reply, the thing corrections are about. */
async function seedReply(store: Store): Promise<{ conversationId: string; messageId: string }> {
  const { id } = await store.createConversation(conversationFixture());
  const { message } = await store.appendMessage(botReplyFixture(id));
  return { conversationId: id, messageId: message.id };
}

async function collectAll(iterable: AsyncIterable<Correction>): Promise<Correction[]> {
  const all: Correction[] = [];
  for await (const correction of iterable) all.push(correction);
  return all;
}

async function collect(iterable: AsyncIterable<Correction>): Promise<string[]> {
  return (await collectAll(iterable)).map((correction) => correction.id);
}

/** at(20) written in another time zone: the same instant, a different string. */
const AT_20_PLUS_TWO = '2025-01-15T11:00:20.000+02:00';

/** Filter → indexes (oldest first) of the five corrections seeded below that it must return. */
const filterCases: Array<[string, Partial<CorrectionFilter>, number[]]> = [
  ['any status', {}, [0, 1, 2, 3, 4]],
  ['approved', { status: 'approved' }, [1, 2, 4]],
  ['pending', { status: 'pending' }, [0]],
  ['rejected', { status: 'rejected' }, [3]],
  ['kind', { kind: 'edited_draft' }, [0, 4]],
  ['reason tone', { reason: 'tone' }, [1, 2]],
  ['reason incomplete', { reason: 'incomplete' }, [0, 4]],
  ['reason nobody gave', { reason: 'should_escalate' }, []],
  ['agent', { agentId: agentAuthor.id }, [0, 2, 4]],
  ['topic', { topic: 'shipping' }, [0, 2]],
  ['topic nobody has', { topic: 'privacy' }, []],
  ['topic and status', { topic: 'returns', status: 'approved' }, [1, 4]],
  ['since (inclusive)', { since: at(20) }, [1, 2, 3, 4]],
  ['until (exclusive)', { until: at(40) }, [0, 1, 2]],
  ['since and until', { since: at(20), until: at(50) }, [1, 2, 3]],
  ['since with a time-zone offset', { since: AT_20_PLUS_TWO }, [1, 2, 3, 4]],
  ['combined', { status: 'approved', agentId: agentAuthor.id, reason: 'incomplete' }, [4]],
];

export function describeCorrectionContract(current: CurrentStore): void {
  describe('corrections', () => {
    it('creates a pending correction and reads it back', async () => {
      const store = current();
      const { conversationId, messageId } = await seedReply(store);
      const input = correctionFixture(conversationId, messageId, {
        note: 'missing tracking',
        timeSpentMs: null,
      });
      const expected: Correction = {
        ...input,
        review: { status: 'pending', reviewer: null, at: null, note: null, edited: false },
      };
      expect(await store.createCorrection(input)).toEqual(expected);
      expect(await store.getCorrection(input.id)).toEqual(expected);
      expect(await store.getCorrection('corr_missing')).toBeNull();
      await expect(store.createCorrection(input)).rejects.toBeInstanceOf(StoreConflictError);
    });

    it('refuses a correction of a message that is not in the conversation', async () => {
      const store = current();
      const { conversationId } = await seedReply(store);
      const other = await seedReply(store);
      await expect(
        store.createCorrection(correctionFixture(conversationId, 'msg_missing')),
      ).rejects.toBeInstanceOf(StoreNotFoundError);
      await expect(
        store.createCorrection(correctionFixture(conversationId, other.messageId)),
      ).rejects.toBeInstanceOf(StoreNotFoundError);
    });

    it('deletes a correction only while it is pending', async () => {
      const store = current();
      const { conversationId, messageId } = await seedReply(store);
      const input = correctionFixture(conversationId, messageId);
      const withdrawn = await store.createCorrection(input);
      const reviewed = await store.createCorrection(correctionFixture(conversationId, messageId));
      await store.reviewCorrection(reviewed.id, {
        status: 'approved',
        reviewer: reviewerAuthor,
        at: at(60),
        note: null,
        edited: false,
      });
      expect(await store.deletePendingCorrection(withdrawn.id)).toBe(true);
      expect(await store.getCorrection(withdrawn.id)).toBeNull();
      expect(await store.deletePendingCorrection(withdrawn.id)).toBe(false);
      expect(await store.deletePendingCorrection(reviewed.id)).toBe(false);
      expect((await store.getCorrection(reviewed.id))?.review.status).toBe('approved');
      // The id is free again: the same answer can be marked anew.
      expect((await store.createCorrection(input)).id).toBe(withdrawn.id);
    });

    it('keeps a correction without a topic', async () => {
      const store = current();
      const { conversationId, messageId } = await seedReply(store);
      const created = await store.createCorrection(
        correctionFixture(conversationId, messageId, { topic: null, kind: 'human_answer' }),
      );
      expect(created.topic).toBeNull();
      expect((await store.getCorrection(created.id))?.topic).toBeNull();
      expect(await store.listCorrections(filterFixture({ topic: 'shipping' }))).toEqual([]);
    });

    it('records a review, letting the reviewer fix the corrected text', async () => {
      const store = current();
      const { conversationId, messageId } = await seedReply(store);
      const kept = await store.createCorrection(correctionFixture(conversationId, messageId));
      const fixed = await store.createCorrection(correctionFixture(conversationId, messageId));

      const approved = await store.reviewCorrection(kept.id, {
        status: 'approved',
        reviewer: reviewerAuthor,
        at: at(60),
        note: 'good',
        edited: false,
      });
      expect(approved).toEqual({
        ...kept,
        review: { status: 'approved', reviewer: reviewerAuthor, at: at(60), note: 'good', edited: false },
      });
      expect(await store.getCorrection(kept.id)).toEqual(approved);

      const rewritten = await store.reviewCorrection(fixed.id, {
        status: 'approved',
        reviewer: reviewerAuthor,
        at: at(61),
        note: null,
        edited: true,
        correctedText: 'It shipped yesterday.',
        editDistance: 7,
      });
      expect(rewritten).toEqual({
        ...fixed,
        correctedText: 'It shipped yesterday.',
        editDistance: 7,
        review: { status: 'approved', reviewer: reviewerAuthor, at: at(61), note: null, edited: true },
      });
      expect(await store.getCorrection(fixed.id)).toEqual(rewritten);
      const streamed = await collectAll(store.iterateCorrections(filterFixture({ status: 'approved' })));
      expect(streamed.find((correction) => correction.id === fixed.id)).toEqual(rewritten);

      const status = { status: 'rejected' as const, reviewer: reviewerAuthor, at: at(62), note: null };
      expect(await store.reviewCorrection('corr_missing', { ...status, edited: false })).toBeNull();

      // Written only over what the reviewer read: a review that landed meanwhile wins, nothing is half-written.
      const seen = { reviewedAt: rewritten?.review.at ?? null, correctedText: 'It shipped yesterday.' };
      const second = await store.reviewCorrection(fixed.id, { ...status, edited: false, unchanged: seen });
      expect(second?.review).toMatchObject({ status: 'rejected', at: at(62) });
      const stale = { ...status, at: at(63), note: 'too late', edited: false, unchanged: seen };
      await expect(store.reviewCorrection(fixed.id, stale)).rejects.toBeInstanceOf(StoreConflictError);
      expect(await store.getCorrection(fixed.id)).toEqual(second);
      const pending = { reviewedAt: null, correctedText: kept.correctedText };
      await expect(
        store.reviewCorrection(kept.id, { ...status, edited: false, unchanged: pending }),
      ).rejects.toBeInstanceOf(StoreConflictError);
      expect(
        await store.reviewCorrection('corr_missing', { ...status, edited: false, unchanged: pending }),
      ).toBeNull();
    });

    describe('filters', () => {
      let seeded: string[] = [];

      beforeEach(async () => {
        const store = current();
        const { conversationId, messageId } = await seedReply(store);
        const rui = reviewerAuthor;
        const ana = agentAuthor;
        const specs = [
          { kind: 'edited_draft', reasons: ['incomplete'], agent: ana, topic: 'shipping', createdAt: at(10) },
          {
            kind: 'rejected_draft',
            reasons: ['wrong_fact', 'tone'],
            agent: rui,
            topic: 'returns',
            createdAt: at(20),
          },
          { kind: 'rewritten_reply', reasons: ['tone'], agent: ana, topic: 'shipping', createdAt: at(30) },
          { kind: 'human_answer', reasons: [], agent: rui, topic: null, createdAt: at(40) },
          {
            kind: 'edited_draft',
            reasons: ['policy', 'incomplete'],
            agent: ana,
            topic: 'returns',
            createdAt: at(50),
          },
        ] as const;
        const reviews = [null, 'approved', 'approved', 'rejected', 'approved'] as const;
        seeded = [];
        // Created out of time order, so ordering has to come from createdAt.
        for (const index of [2, 0, 4, 1, 3]) {
          const spec = specs[index] as (typeof specs)[number];
          const created = await store.createCorrection(
            correctionFixture(conversationId, messageId, { ...spec, reasons: [...spec.reasons] }),
          );
          seeded[index] = created.id;
          const status = reviews[index];
          if (status)
            await store.reviewCorrection(created.id, {
              status,
              reviewer: rui,
              at: at(90),
              note: null,
              edited: false,
            });
        }
      });

      it.each(filterCases)('lists and iterates by %s', async (_label, filter, expected) => {
        const store = current();
        const oldestFirst = expected.map((index) => seeded[index]);
        expect(await collect(store.iterateCorrections(filterFixture(filter)))).toEqual(oldestFirst);
        const listed = await store.listCorrections(filterFixture(filter));
        expect(listed.map((c) => c.id)).toEqual([...oldestFirst].reverse());
      });

      it('pages the newest-first list', async () => {
        const page = await current().listCorrections(filterFixture(), { limit: 2, offset: 1 });
        expect(page.map((c) => c.id)).toEqual([seeded[3], seeded[2]]);
        expect(await current().listCorrections(filterFixture(), { limit: 2, offset: 5 })).toEqual([]);
      });

      it('iterates whole corrections, equal to what get returns', async () => {
        const store = current();
        for await (const correction of store.iterateCorrections(filterFixture({ status: 'pending' }))) {
          expect(correction).toEqual(await store.getCorrection(correction.id));
        }
      });
    });

    it('streams many corrections oldest first', async () => {
      const store = current();
      const { conversationId, messageId } = await seedReply(store);
      const ids: string[] = [];
      for (let i = 0; i < 300; i++) {
        const input = correctionFixture(conversationId, messageId, { createdAt: at(1000 - i) });
        await store.createCorrection(input);
        ids.unshift(input.id);
      }
      const iterable = store.iterateCorrections(filterFixture());
      expect(typeof iterable[Symbol.asyncIterator]).toBe('function');
      expect(await collect(iterable)).toEqual(ids);
    });

    it('keeps the store writable while a stream is open, and after it is abandoned', async () => {
      const store = current();
      const { conversationId, messageId } = await seedReply(store);
      for (let i = 0; i < 3; i++) {
        await store.createCorrection(correctionFixture(conversationId, messageId, { createdAt: at(i) }));
      }
      let seen = 0;
      for await (const _ of store.iterateCorrections(filterFixture())) {
        seen += 1;
        await store.appendMessage(botReplyFixture(conversationId));
        await store.createCorrection(
          correctionFixture(conversationId, messageId, { createdAt: at(100 + seen) }),
        );
        if (seen === 2) break;
      }
      expect(seen).toBe(2);
      await store.appendMessage(botReplyFixture(conversationId));
      expect(await store.listCorrections(filterFixture())).toHaveLength(5);
      expect((await store.getConversation(conversationId))?.lastSeq).toBe(4);
    });
  });
}
