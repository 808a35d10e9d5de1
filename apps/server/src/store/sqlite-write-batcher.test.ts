import { describe, expect, it } from 'vitest';
import { IN_MEMORY, openDatabase } from './sqlite-database';
import { createWriteBatcher } from './sqlite-write-batcher';

describe('group commit', () => {
  it('answers a key’s later write only after its earlier write’s caller had its turn', async () => {
    const batcher = createWriteBatcher(openDatabase(IN_MEMORY));
    const told: string[] = [];
    // The first caller reads once more before it tells anyone (as the bot's guarded append does).
    const slow = batcher
      .run(() => 'reply', 'conv_a')
      .then(async (v) => {
        await Promise.resolve();
        await Promise.resolve();
        told.push(v);
      });
    const fast = batcher.run(() => 'question', 'conv_a').then((v) => told.push(v));
    const other = batcher.run(() => 'elsewhere', 'conv_b').then((v) => told.push(v));
    await Promise.all([slow, fast, other]);
    expect(told.indexOf('reply')).toBeLessThan(told.indexOf('question'));
    // Another conversation is answered in the first wave, with no wait.
    expect(told.indexOf('elsewhere')).toBeLessThan(told.indexOf('question'));
  });

  it('still answers a refused write alone, in its wave', async () => {
    const batcher = createWriteBatcher(openDatabase(IN_MEMORY));
    const first = batcher.run(() => {
      throw new Error('refused');
    }, 'conv_a');
    const second = batcher.run(() => 'kept', 'conv_a');
    await expect(first).rejects.toThrow('refused');
    await expect(second).resolves.toBe('kept');
  });
});
