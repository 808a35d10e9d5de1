import { describe, expect, it } from 'vitest';
import { presetRange, rangeProblem } from './analytics-range';

describe('analytics ranges', () => {
  it('counts the last days by UTC day, today included', () => {
    expect(presetRange(7, new Date('2025-03-02T23:30:00Z'))).toEqual({
      from: '2025-02-24',
      to: '2025-03-02',
    });
    expect(presetRange(1, new Date('2025-03-02T00:00:00Z'))).toEqual({
      from: '2025-03-02',
      to: '2025-03-02',
    });
  });

  it('names what is wrong with a custom range', () => {
    expect(rangeProblem({ from: '2025-01-01', to: '2025-01-31' }, 366)).toBeNull();
    expect(rangeProblem({ from: '', to: '2025-01-31' }, 366)).toBe('Choose both days.');
    expect(rangeProblem({ from: '2025-02-01', to: '2025-01-31' }, 366)).toMatch(/after/);
    expect(rangeProblem({ from: '2023-01-01', to: '2025-01-31' }, 366)).toBe('At most 366 days at a time.');
  });
});
