import { describe, expect, it } from 'vitest';
import { CurrentConversation } from './current-conversation';
import { SiteStore } from './storage';

const open = (id: string) => ({
  id,
  state: 'bot' as const,
  agent: null,
  lastSeq: 1,
  contactLeft: false,
  rated: false,
});
const closed = (id: string) => ({
  id,
  state: 'closed' as const,
  agent: null,
  lastSeq: 4,
  contactLeft: false,
  rated: false,
});

describe('CurrentConversation', () => {
  it('follows the first conversation it sees and ignores others while it is open', () => {
    const current = new CurrentConversation(new SiteStore('unit-a'));
    expect(current.update(open('c1'))).toBe(true);
    expect(current.id).toBe('c1');
    expect(current.accepts('c2')).toBe(false);
  });

  it('moves to a newer conversation once the current one is closed', () => {
    const current = new CurrentConversation(new SiteStore('unit-b'));
    current.update(closed('c1'));
    expect(current.follow('c2')).toBe(true);
    expect(current.id).toBe('c2');
    expect(current.accepts('c1')).toBe(false);
  });

  it('forgets a conversation the visitor left, so late events cannot bring it back', () => {
    const store = new SiteStore('unit-c');
    const current = new CurrentConversation(store);
    current.update(closed('c1'));
    current.leave();
    expect(store.get().conversationId).toBeNull();
    expect(current.update(closed('c1'))).toBe(false);
    expect(current.update(open('c9'))).toBe(true);
  });
});
