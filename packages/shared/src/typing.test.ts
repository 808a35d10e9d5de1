import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTypingIndicator, createTypingSender, type TypingTimers } from './typing';

/** The real timer functions, on vitest's fake clock. */
const fakeTimers: TypingTimers = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createTypingSender', () => {
  it('announces at once, then at most once per refresh interval while keys are pressed', () => {
    const sent: boolean[] = [];
    const sender = createTypingSender((typing) => sent.push(typing), fakeTimers, {
      refreshMs: 2000,
      idleMs: 4000,
    });
    sender.input();
    for (let i = 0; i < 19; i++) {
      vi.advanceTimersByTime(100);
      sender.input();
    }
    expect(sent).toEqual([true]); // 1.9 s of typing: one announcement
    vi.advanceTimersByTime(100);
    sender.input();
    expect(sent).toEqual([true, true]);
  });

  it('says stop once on send, and nothing when typing was never announced', () => {
    const sent: boolean[] = [];
    const sender = createTypingSender((typing) => sent.push(typing), fakeTimers);
    sender.stop();
    expect(sent).toEqual([]);
    sender.input();
    sender.stop();
    sender.stop();
    expect(sent).toEqual([true, false]);
    vi.runAllTimers();
    expect(sent).toEqual([true, false]);
  });

  it('stops by itself after the idle time without a key, and announces again on the next key', () => {
    const sent: boolean[] = [];
    const sender = createTypingSender((typing) => sent.push(typing), fakeTimers, {
      refreshMs: 2000,
      idleMs: 4000,
    });
    sender.input();
    vi.advanceTimersByTime(3999);
    expect(sent).toEqual([true]);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([true, false]);
    sender.input();
    expect(sent).toEqual([true, false, true]);
  });
});

describe('createTypingIndicator', () => {
  it('shows who types, hides on stop', () => {
    const seen: (string | null)[] = [];
    const indicator = createTypingIndicator<string>((who) => seen.push(who), fakeTimers, 6000);
    indicator.update(true, 'Sam');
    indicator.update(false, 'Sam');
    expect(seen).toEqual(['Sam', null]);
  });

  it('expires without a refresh, and each refresh pushes the expiry out', () => {
    const seen: (string | null)[] = [];
    const indicator = createTypingIndicator<string>((who) => seen.push(who), fakeTimers, 6000);
    indicator.update(true, 'Sam');
    vi.advanceTimersByTime(5000);
    indicator.update(true, 'Sam');
    vi.advanceTimersByTime(5999);
    expect(seen).toEqual(['Sam', 'Sam']);
    vi.advanceTimersByTime(1);
    expect(seen).toEqual(['Sam', 'Sam', null]);
    indicator.clear();
    expect(seen).toEqual(['Sam', 'Sam', null]);
  });
});
