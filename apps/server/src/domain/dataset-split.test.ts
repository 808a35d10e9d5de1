import { describe, expect, it } from 'vitest';
import { assignSplit, splitPoint } from './dataset-split';

describe('assignSplit', () => {
  it.each([
    ['cnv_1', 0, 'train'],
    ['cnv_1', -1, 'train'],
    ['anything', 0.5, splitPoint('anything') < 0.5 ? 'validation' : 'train'],
  ])('%s at %d → %s', (id, fraction, split) => {
    expect(assignSplit(id, fraction)).toBe(split);
  });

  it('is FNV-1a (32-bit) of the id over 2^32: stable across runs and machines', () => {
    // Reference values of FNV-1a 32: "" → 0x811c9dc5, "a" → 0xe40c292c.
    expect(splitPoint('')).toBe(0x811c9dc5 / 2 ** 32);
    expect(splitPoint('a')).toBe(0xe40c292c / 2 ** 32);
  });

  it('sends about the asked share of conversations to validation', () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => `cnv_${i.toString(36)}`);
    const share = ids.filter((id) => assignSplit(id, 0.2) === 'validation').length / ids.length;
    expect(share).toBeGreaterThan(0.18);
    expect(share).toBeLessThan(0.22);
  });

  it('moves conversations only from train to validation as the share grows', () => {
    const ids = Array.from({ length: 2_000 }, (_, i) => `conversation-${i}`);
    for (const id of ids) {
      if (assignSplit(id, 0.1) === 'validation') expect(assignSplit(id, 0.3)).toBe('validation');
    }
  });
});
