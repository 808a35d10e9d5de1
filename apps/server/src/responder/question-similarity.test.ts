import { describe, expect, it } from 'vitest';
import { countSimilar, groupSimilarQuestions } from './question-similarity';

const questions = [
  'Where is my parcel?',
  'Do you ship to Norway?',
  'My parcel has not arrived yet, where is it?',
  'Can I pay with PayPal?',
  'Do you deliver to Norway and Sweden?',
  'Where is my parcel, it is late',
];

describe('groupSimilarQuestions', () => {
  it('puts paraphrases together, largest group first', () => {
    const groups = groupSimilarQuestions(questions, 0.3);
    expect(groups[0]).toEqual([0, 2, 5]);
    expect(groups).toContainEqual([1, 4]);
    expect(groups).toContainEqual([3]);
    expect(groups.flat().sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('keeps every question apart when nothing is alike enough', () => {
    expect(groupSimilarQuestions(questions, 1.01)).toHaveLength(questions.length);
  });
});

describe('countSimilar', () => {
  it('counts the pool questions that resemble each one', () => {
    const counts = countSimilar(['where is my parcel', 'gift wrapping?'], questions, 0.3);
    expect(counts[0]).toBe(3);
    expect(counts[1]).toBe(0);
  });
});
