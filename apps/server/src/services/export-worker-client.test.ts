import { describe, expect, it } from 'vitest';
import { startExportWorker } from './export-worker-client';

describe('the export worker', () => {
  it('formats batches in order and keeps the tally across them', async () => {
    const worker = startExportWorker({
      format: 'openai-chat',
      filter: { status: 'any' },
      redact: false,
      dedup: true,
      validationFraction: 0,
      systemPrompt: 'You are support.',
    });
    const row = (question: string, answer: string) => ({
      conversationId: `conv_${question}`,
      context: [{ role: 'customer' as const, text: question }],
      correctedText: answer,
      topic: 'shipping',
      reasons: ['wrong_fact' as const],
      original: { text: 'no idea' },
    });
    try {
      const first = await worker.run([
        row('where is my parcel', 'On its way.'),
        row('refund?', 'In 5 days.'),
      ]);
      const noQuestion = { ...row('x', 'Hello'), context: [] };
      const second = await worker.run([row('where is my parcel', 'On its way.'), noQuestion]);
      expect(first.texts).toHaveLength(1);
      expect(first.texts[0]?.text.trim().split('\n')).toHaveLength(2);
      expect(second.texts).toEqual([]);
      expect(second.tally).toMatchObject({ read: 4, written: 2, duplicates: 1, invalid: 1 });
    } finally {
      await worker.close();
    }
  });
});
