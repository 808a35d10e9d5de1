import { describe, expect, it } from 'vitest';
import { Hash64Set } from './dataset-hash-set';

describe('Hash64Set', () => {
  it('adds each 64-bit key once, through its growth', () => {
    const set = new Hash64Set();
    let added = 0;
    for (let i = 0; i < 50_000; i++) if (set.add(i * 7919, i)) added++;
    for (let i = 0; i < 50_000; i++) if (set.add(i * 7919, i)) added++;
    expect(added).toBe(50_000);
    expect(set.has(7919, 1)).toBe(true);
    expect(set.has(7919, 2)).toBe(false);
    expect(set.has(0xffffffff, 0xffffffff)).toBe(false);
    expect(set.size).toBe(50_000);
  });

  it('keeps keys whose halves are 0 or the largest value', () => {
    const set = new Hash64Set();
    expect(set.add(0xffffffff, 0xffffffff)).toBe(true);
    expect(set.add(5, 0)).toBe(true);
    expect(set.has(0xffffffff, 0xffffffff)).toBe(true);
    expect(set.has(5, 0)).toBe(true);
  });
});
