import { describe, expect, it } from 'vitest';
import { MAX_TASK_MS, timeOnTask } from './time-on-task';

describe('timeOnTask', () => {
  it('counts from the work appearing, then from the previous decision, capped at a break', () => {
    expect(timeOnTask(1_000, 4_000)).toBe(3_000);
    // Shown before the previous decision: counted from that decision.
    expect(timeOnTask(2_000, 9_000)).toBe(5_000);
    // Shown after it: counted from showing.
    expect(timeOnTask(10_000, 10_500)).toBe(500);
    expect(timeOnTask(11_000, 11_000 + 3 * MAX_TASK_MS)).toBe(MAX_TASK_MS);
  });
});
