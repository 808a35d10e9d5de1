import { describe, expect, it } from 'vitest';
import { groupEscalatedQuestions } from './escalated-question-groups';

describe('groupEscalatedQuestions', () => {
  it('groups alike questions, largest first, the newest wording leading with other wordings as examples', () => {
    const groups = groupEscalatedQuestions(
      [
        'where is my refund',
        'I want to speak to a person',
        'Where is my refund?',
        'my refund has not arrived where is it',
        'where is my refund',
        '  ',
      ],
      10,
    );
    // The same words with another case or punctuation are one group; a repeat is not listed as an example.
    expect(groups).toEqual([
      { question: 'where is my refund', count: 3, examples: ['Where is my refund?'] },
      { question: 'I want to speak to a person', count: 1, examples: [] },
      { question: 'my refund has not arrived where is it', count: 1, examples: [] },
    ]);
  });

  it('keeps the top groups only, and nothing for no questions', () => {
    expect(groupEscalatedQuestions(['a b c', 'x y z', 'p q r'], 2)).toHaveLength(2);
    expect(groupEscalatedQuestions([], 10)).toEqual([]);
  });
});
