import { describe, expect, it } from 'vitest';
import { createSocketBudget } from './socket-budget';

describe('createSocketBudget', () => {
  it('allows `limit` events per window, then says how long to wait, and starts over with the next window', () => {
    let nowMs = 1_000_000;
    const budget = createSocketBudget({ now: () => new Date(nowMs) }, 3, 10_000);
    expect([budget.take(), budget.take(), budget.take()]).toEqual([0, 0, 0]);
    nowMs += 4_000;
    expect(budget.take()).toBe(6_000);
    nowMs += 6_000;
    expect(budget.take()).toBe(0);
  });
});
