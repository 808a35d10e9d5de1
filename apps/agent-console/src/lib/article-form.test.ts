import type { KnowledgeGap } from '@hitl/shared/knowledge';
import { describe, expect, it } from 'vitest';
import { addExample, draftFromGap, emptyDraft, mergeExamples, validateDraft } from './article-form';

describe('article form', () => {
  it('names each invalid field once, as the server would', () => {
    const { content, errors } = validateDraft({ ...emptyDraft, id: 'Not Kebab' }, true);
    expect(content).toBeNull();
    expect(errors).toEqual({
      id: 'Must be a kebab-case id.',
      title: 'The title is empty.',
      topic: 'Choose a topic.',
      answer: 'The answer is empty.',
      examples: 'Needs at least one example question.',
    });
  });

  it('accepts a complete draft; the id of an edited article is not sent', () => {
    const draft = {
      id: 'gift-wrap',
      title: ' Gift wrap ',
      topic: 'products' as const,
      answer: 'Yes.',
      examples: ['wrap?'],
    };
    expect(validateDraft(draft, true).content).toEqual({
      id: 'gift-wrap',
      title: 'Gift wrap',
      topic: 'products',
      answer: 'Yes.',
      examples: ['wrap?'],
    });
    expect(validateDraft(draft, false).content).not.toHaveProperty('id');
  });

  it('adds example questions one by one, refusing empty ones and repeats', () => {
    expect(addExample(['Do you wrap gifts?'], '  ')).toEqual({
      examples: ['Do you wrap gifts?'],
      error: 'Type a question first.',
    });
    expect(addExample(['Do you wrap gifts?'], 'do you  wrap gifts')).toMatchObject({
      error: 'This question is already an example.',
    });
    expect(addExample(['Do you wrap gifts?'], 'Gift wrap? ')).toEqual({
      examples: ['Do you wrap gifts?', 'Gift wrap?'],
      error: null,
    });
    expect(mergeExamples(['a?', 'b'], ['A', 'c', 'c?', ''])).toEqual(['a?', 'b', 'c']);
  });

  it('prefills a new article from a gap group', () => {
    const gap: KnowledgeGap = {
      id: 'g',
      count: 3,
      typicalQuestion: 'do you rent tents?',
      questions: [
        {
          text: 'do you rent tents?',
          conversationId: 'c1',
          at: '2026-01-01T00:00:00.000Z',
          source: 'low_confidence',
        },
        {
          text: 'Do you rent tents',
          conversationId: 'c2',
          at: '2026-01-01T00:00:00.000Z',
          source: 'corrected',
        },
        {
          text: 'can i rent tents',
          conversationId: 'c3',
          at: '2026-01-01T00:00:00.000Z',
          source: 'corrected',
        },
      ],
      agentAnswers: [
        { text: 'No, but CampCo does.', count: 2 },
        { text: 'No.', count: 1 },
      ],
      topic: 'weather',
      lastAskedAt: '2026-01-01T00:00:00.000Z',
    };
    expect(draftFromGap(gap)).toEqual({
      id: '',
      title: 'do you rent tents?',
      topic: '',
      answer: 'No, but CampCo does.',
      examples: ['do you rent tents?', 'can i rent tents'],
    });
  });
});
