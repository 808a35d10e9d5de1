import type { DraftStatus, Message } from '@hitl/shared/models';
import { describe, expect, it } from 'vitest';
import { applyDraft, draftMapOf, indexDrafts } from './pending-drafts';
import { countViews, selectView } from './queue-views';

function draft(
  id: string,
  conversationId: string,
  createdAt: string,
  status: DraftStatus = 'pending',
): Message {
  return {
    id,
    conversationId,
    seq: 1,
    clientId: null,
    role: 'bot',
    visibility: 'internal',
    text: id,
    author: null,
    bot: null,
    notice: null,
    correctionId: null,
    draft: {
      status,
      reasons: [{ signal: 'topic_rule', value: id }],
      reviewer: null,
      reviewedAt: null,
      publishedMessageId: null,
    },
    createdAt,
  };
}

describe('pending drafts', () => {
  it('adds pending drafts and drops them once reviewed', () => {
    const map = draftMapOf([
      draft('d1', 'c1', '2025-01-01T10:00:00Z'),
      draft('d2', 'c2', '2025-01-01T10:01:00Z'),
    ]);
    expect([...map.keys()]).toEqual(['d1', 'd2']);
    const after = applyDraft(map, draft('d1', 'c1', '2025-01-01T10:00:00Z', 'approved'));
    expect([...after.keys()]).toEqual(['d2']);
    expect(applyDraft(after, draft('d9', 'c9', '2025-01-01T10:00:00Z', 'edited'))).toBe(after);
  });

  it('summarizes each conversation by its oldest draft', () => {
    const index = indexDrafts(
      draftMapOf([
        draft('late', 'c1', '2025-01-01T10:05:00Z'),
        draft('early', 'c1', '2025-01-01T10:00:00Z'),
        draft('other', 'c2', '2025-01-01T10:02:00Z'),
      ]),
    );
    expect(index.get('c1')).toMatchObject({ count: 2, since: '2025-01-01T10:00:00Z' });
    expect(index.get('c1')?.reasons[0]?.value).toBe('early');
    expect(index.get('c2')?.count).toBe(1);
  });

  it('lists conversations with pending drafts in the review view, longest waiting first', () => {
    const review = indexDrafts(
      draftMapOf([draft('a', 'c2', '2025-01-01T10:00:00Z'), draft('b', 'c1', '2025-01-01T10:03:00Z')]),
    );
    const conversation = (id: string) => ({
      id,
      siteKey: 'demo',
      visitorId: `v-${id}`,
      state: 'bot' as const,
      assignee: null,
      reasons: [],
      escalatedAt: null,
      botContextFromSeq: 0,
      lastSeq: 1,
      lastMessage: null,
      lastCustomerText: null,
      lastSentiment: null,
      lastConfidence: null,
      contactEmail: null,
      outcome: null,
      tags: [],
      satisfaction: null,
      createdAt: '2025-01-01T09:00:00Z',
      updatedAt: '2025-01-01T10:04:00Z',
    });
    const context = { me: { id: 'agent-1' }, review };
    const all = [conversation('c1'), conversation('c2'), conversation('c3')];
    expect(selectView('review', all, context).map((c) => c.id)).toEqual(['c2', 'c1']);
    expect(countViews(all, context).review).toBe(2);
  });
});
