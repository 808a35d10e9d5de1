import { describe, expect, it } from 'vitest';
import { replaceSlashQuery, slashQueryAt } from './slash-query';

describe('slashQueryAt', () => {
  it.each([
    ['/ref', 4, { start: 0, query: 'ref' }],
    ['/', 1, { start: 0, query: '' }],
    ['Sure! /Ship', 11, { start: 6, query: 'ship' }],
    ['line\n/greet', 11, { start: 5, query: 'greet' }],
    ['and/or', 6, null],
    ['see https://x.example/ref', 25, null],
    ['/ref more', 9, null],
    ['/ref more', 4, { start: 0, query: 'ref' }],
    ['/re fund', 8, null],
  ] as const)('%j at %i', (text, caret, expected) => {
    expect(slashQueryAt(text, caret)).toEqual(expected);
  });
});

describe('replaceSlashQuery', () => {
  it('puts the text where the slash was and the caret after it', () => {
    const text = 'Hello /ref and bye';
    const slash = slashQueryAt(text, 10);
    if (!slash) throw new Error('no slash query');
    expect(replaceSlashQuery(text, 10, slash, 'Your refund')).toEqual({
      text: 'Hello Your refund and bye',
      caret: 17,
    });
  });
});
