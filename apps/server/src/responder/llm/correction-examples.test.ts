import { describe, expect, it } from 'vitest';
import { CorrectionExamples } from './correction-examples';

describe('CorrectionExamples', () => {
  it('picks the most similar examples, redacted', async () => {
    const examples = new CorrectionExamples({ k: 2 });
    await examples.addExample({ id: '1', question: 'do you sell gift wrapping?', answer: 'Yes, $5.' });
    await examples.addExample({ id: '2', question: 'can I pay with paypal?', answer: 'Yes.' });
    await examples.addExample({
      id: '3',
      question: 'gift wrap for jane@example.com please',
      answer: 'Mail jane@example.com back.',
    });
    const picked = await examples.selectExamples({ question: 'Could you gift wrap my order?' });
    expect(picked.map((e) => e.question).sort()).toEqual([
      'do you sell gift wrapping?',
      'gift wrap for [EMAIL] please',
    ]);
    expect(picked.find((e) => e.question?.includes('[EMAIL]'))?.answer).toBe('Mail [EMAIL] back.');
    expect(await examples.selectExamples({ question: 'what are your opening hours?' })).toEqual([]);
  });

  it('finds the matching example among all of them, however old', async () => {
    const examples = new CorrectionExamples();
    await examples.addExample({
      id: 'old',
      question: 'is the down in your sleeping bags RDS certified?',
      answer: 'Yes, RDS.',
    });
    for (let i = 0; i < 500; i++)
      await examples.addExample({
        id: `n${i}`,
        question: `where is my order number ${i} for the tent?`,
        answer: `order ${i}`,
      });
    const picked = await examples.selectExamples({
      question: 'Is the down in the sleeping bags ethically sourced?',
    });
    expect(picked[0]).toEqual({
      question: 'is the down in your sleeping bags RDS certified?',
      answer: 'Yes, RDS.',
    });
    expect(examples.size).toBe(501);
  });

  it('re-learning an id replaces its example', async () => {
    const examples = new CorrectionExamples();
    await examples.addExample({ id: 'a', question: 'tent warranty length', answer: 'old' });
    await examples.addExample({ id: 'b', question: 'tent colours', answer: 'green' });
    await examples.addExample({ id: 'a', question: 'tent warranty length', answer: 'new' });
    expect(examples.size).toBe(2);
    const picked = await examples.selectExamples({ question: 'what is the tent warranty length?' });
    expect(picked[0]).toEqual({ question: 'tent warranty length', answer: 'new' });
    expect(picked.map((e) => e.answer)).not.toContain('old');
  });
});
