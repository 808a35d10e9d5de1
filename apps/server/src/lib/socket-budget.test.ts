import { describe, expect, it } from 'vitest';
import { createSocketBudget, createSocketBudgets } from './socket-budget';

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

describe('createSocketBudgets', () => {
  it('keeps one budget per socket, made at its first counted event', () => {
    const budgets = createSocketBudgets({ now: () => new Date(1_000_000) }, 2, 10_000);
    const first = {};
    const second = {};
    expect([budgets.of(first).take(), budgets.of(first).take(), budgets.of(first).take()]).toEqual([
      0, 0, 10_000,
    ]);
    // Another socket's events count against its own budget.
    expect(budgets.of(second).take()).toBe(0);
    expect(budgets.of(first)).toBe(budgets.of(first));
  });
});
