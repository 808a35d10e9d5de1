import { describe, expect, it } from 'vitest';
import { RecentExamples } from './recent-examples';

describe('RecentExamples', () => {
  it('picks the most similar examples, redacted', async () => {
    const examples = new RecentExamples({ k: 2 });
    await examples.addExample({ id: '1', question: 'do you sell gift wrapping?', answer: 'Yes, $5.' });
    await examples.addExample({ id: '2', question: 'can I pay with paypal?', answer: 'Yes.' });
    await examples.addExample({
      id: '3',
      question: 'gift wrap for jane@example.com please',
      answer: 'Mail jane@example.com back.',
    });
    const picked = await examples.selectExamples({ question: 'Could you gift wrap my order?' });
    expect(picked.map((e) => e.question)).toEqual([
      'do you sell gift wrapping?',
      'gift wrap for [EMAIL] please',
    ]);
    expect(picked[1]?.answer).toBe('Mail [EMAIL] back.');
    expect(await examples.selectExamples({ question: 'what are your opening hours?' })).toEqual([]);
  });

  it('keeps only the most recent ones; re-learning an id replaces it', async () => {
    const examples = new RecentExamples({ capacity: 2 });
    await examples.addExample({ id: 'a', question: 'tent warranty length', answer: 'old' });
    await examples.addExample({ id: 'b', question: 'tent colours', answer: 'green' });
    await examples.addExample({ id: 'a', question: 'tent warranty length', answer: 'new' });
    await examples.addExample({ id: 'c', question: 'tent sizes', answer: 'three' });
    expect(examples.size).toBe(2);
    const picked = await examples.selectExamples({ question: 'what is the tent warranty length?' });
    expect(picked[0]).toEqual({ question: 'tent warranty length', answer: 'new' });
    expect(picked.map((e) => e.answer)).not.toContain('green');
  });
});
