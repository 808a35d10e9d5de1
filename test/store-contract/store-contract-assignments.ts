import { describe, expect, it } from 'vitest';
import type { CurrentStore } from './store-contract';
import { agentAuthor, at, conversationFixture, reviewerAuthor } from './store-fixtures';

const third = { id: 'agent_tom', name: 'Tom' };

export function describeAssignmentContract(current: CurrentStore): void {
  describe('assignments under a per-agent limit', () => {
    const open = async (count: number) => {
      const ids: string[] = [];
      for (let i = 0; i < count; i++)
        ids.push((await current().createConversation(conversationFixture())).id);
      return ids;
    };
    const claim = (id: string, assignee = agentAuthor, maxOpen: number | null = 2) =>
      current().assignConversation(
        id,
        ['bot', 'queued'],
        { state: 'agent', assignee, updatedAt: at(2) },
        { maxOpen },
      );

    it('assigns while the agent has room, refuses at the limit with at_capacity and changes nothing', async () => {
      const [a, b, c] = (await open(3)) as [string, string, string];
      expect(await claim(a)).toMatchObject({ state: 'agent', assignee: agentAuthor });
      expect(await claim(b)).toMatchObject({ state: 'agent' });
      expect(await claim(c)).toBe('at_capacity');
      expect(await current().getConversation(c)).toMatchObject({ state: 'bot', assignee: null });
      expect(await current().countOwnedConversations()).toEqual({ [agentAuthor.id]: 2 });
      // No limit, or another agent: room.
      expect(await claim(c, reviewerAuthor)).toMatchObject({ assignee: reviewerAuthor });
      expect(await current().countOwnedConversations()).toEqual({
        [agentAuthor.id]: 2,
        [reviewerAuthor.id]: 1,
      });
    });

    it('answers null, not at_capacity, when the precondition fails', async () => {
      const [a, b] = (await open(2)) as [string, string];
      await claim(a, agentAuthor, 1);
      await current().transitionConversation(b, ['bot'], { state: 'closed', updatedAt: at(3) });
      expect(await claim(b, agentAuthor, 1)).toBeNull();
      expect(await claim('conv_missing', agentAuthor, 1)).toBeNull();
    });

    it('frees a place when a conversation leaves its agent (hand-back, close)', async () => {
      const [a, b, c] = (await open(3)) as [string, string, string];
      await claim(a);
      await claim(b);
      await current().transitionConversation(
        a,
        ['agent'],
        { state: 'bot', assignee: null, updatedAt: at(3) },
        agentAuthor.id,
      );
      expect(await claim(c)).toMatchObject({ state: 'agent' });
      expect(await claim(a)).toBe('at_capacity');
      await current().transitionConversation(
        b,
        ['agent'],
        { state: 'closed', updatedAt: at(4) },
        agentAuthor.id,
      );
      expect(await claim(a)).toMatchObject({ state: 'agent' });
    });

    it('transfers only from the named owner, within the new owner’s limit, freeing the old owner’s place', async () => {
      const [a, b, c] = (await open(3)) as [string, string, string];
      await claim(a);
      await claim(b, reviewerAuthor, 1);
      const transfer = (id: string, from: string, to = reviewerAuthor, maxOpen: number | null = 1) =>
        current().assignConversation(
          id,
          ['agent'],
          { state: 'agent', assignee: to, updatedAt: at(5) },
          { assigneeId: from, maxOpen },
        );
      expect(await transfer(a, agentAuthor.id)).toBe('at_capacity');
      expect(await transfer(a, reviewerAuthor.id, third)).toBeNull();
      expect(await transfer(a, agentAuthor.id, third)).toMatchObject({ state: 'agent', assignee: third });
      await claim(c);
      expect(await current().countOwnedConversations()).toEqual({
        [agentAuthor.id]: 1,
        [reviewerAuthor.id]: 1,
        [third.id]: 1,
      });
    });

    it('lets only as many of concurrent assignments to one agent win as the limit allows', async () => {
      const ids = await open(8);
      const results = await Promise.all(ids.map((id) => claim(id, agentAuthor, 3)));
      expect(results.filter((r) => r !== null && r !== 'at_capacity')).toHaveLength(3);
      expect(results.filter((r) => r === 'at_capacity')).toHaveLength(5);
      expect(await current().countOwnedConversations()).toEqual({ [agentAuthor.id]: 3 });
    });

    it('lets exactly one of two concurrent transfers of one conversation win', async () => {
      const [a] = (await open(1)) as [string];
      await claim(a);
      const results = await Promise.all(
        [reviewerAuthor, third].map((to) =>
          current().assignConversation(
            a,
            ['agent'],
            { state: 'agent', assignee: to, updatedAt: at(6) },
            { assigneeId: agentAuthor.id, maxOpen: 2 },
          ),
        ),
      );
      expect(results.filter((r) => r !== null && r !== 'at_capacity')).toHaveLength(1);
      const owner = (await current().getConversation(a))?.assignee?.id;
      expect([reviewerAuthor.id, third.id]).toContain(owner);
    });
  });
}
